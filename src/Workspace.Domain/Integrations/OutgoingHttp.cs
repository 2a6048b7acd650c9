using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Workspace.Domain.Integrations;

/// <summary>
/// Sends one delivery and says how it went. Two clients, so that a connection opened while private addresses were
/// allowed is never reused after an admin forbade them.
/// </summary>
public sealed class OutgoingHttp : IDisposable
{
    public const string SignatureHeader = "X-Workspace-Signature";
    public const string DeliveryHeader = "X-Workspace-Delivery";

    private readonly HttpClient _publicOnly;
    private readonly HttpClient _anywhere;
    private readonly TimeSpan _timeout;

    public OutgoingHttp(IOptions<OutgoingWebhookOptions> options)
    {
        _timeout = options.Value.Timeout;
        _publicOnly = Create(allowPrivate: false, _timeout);
        _anywhere = Create(allowPrivate: true, _timeout);
    }

    /// <summary>"sha256=" and the lowercase hex HMAC-SHA256 of the body's bytes, keyed with the secret's UTF-8 bytes.</summary>
    public static string Signature(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public async Task<DeliveryOutcome> PostAsync(string url, string secret, Guid deliveryId, string payload, bool allowPrivate,
        CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(DeliveryHeader, deliveryId.ToString());
        request.Headers.Add(SignatureHeader, Signature(secret, body));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Workspace-Webhooks", "1"));
        try
        {
            using var response = await (allowPrivate ? _anywhere : _publicOnly).SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new DeliveryOutcome(Delivered: true, status, Error: null)
                : new DeliveryOutcome(Delivered: false, status, $"HTTP {status} {response.ReasonPhrase}".TrimEnd());
        }
        catch (HttpRequestException e) when (Refused(e) is { } refused)
        {
            return new DeliveryOutcome(Delivered: false, StatusCode: null, refused.Message, Final: true);
        }
        catch (HttpRequestException e)
        {
            return new DeliveryOutcome(Delivered: false, StatusCode: null, e.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryOutcome(Delivered: false, StatusCode: null, $"no answer within {_timeout.TotalSeconds:0.#} s");
        }
    }

    public void Dispose()
    {
        _publicOnly.Dispose();
        _anywhere.Dispose();
    }

    private static RefusedAddressException? Refused(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is RefusedAddressException refused)
                return refused;
        return null;
    }

    private static HttpClient Create(bool allowPrivate, TimeSpan timeout) => new(new SocketsHttpHandler
    {
        ConnectCallback = (context, cancellationToken) => PrivateNetworks.ConnectAsync(context, allowPrivate, cancellationToken),
        // A proxy would make the address check about the proxy rather than the receiver.
        UseProxy = false,
        // A redirect would turn the POST into something the receiver did not ask for; a 3xx counts as not delivered.
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    })
    {
        Timeout = timeout,
    };
}
