using System.Net.Http.Headers;
using System.Text.Json;
using Workspace.Web.Api;

namespace Workspace.E2E.Api;

/// <summary>A client of <c>GET /api/v1/events</c> reading the stream as the SSE format defines it, one event at a time.</summary>
public sealed class EventStreamReader : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpResponseMessage response;
    private readonly StreamReader reader;

    private EventStreamReader(HttpResponseMessage response, StreamReader reader)
    {
        this.response = response;
        this.reader = reader;
    }

    public HttpResponseMessage Response => response;

    /// <summary>The comments read so far (heartbeats), in order.</summary>
    public List<string> Comments { get; } = [];

    /// <param name="lastEventId">Sent as <c>Last-Event-ID</c>, as a reconnecting EventSource does.</param>
    public static async Task<EventStreamReader> OpenAsync(HttpClient client, long? lastEventId, CancellationToken cancellationToken,
        string path = "/api/v1/events")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is { } id)
            request.Headers.Add("Last-Event-ID", id.ToString());
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return new EventStreamReader(response, new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken)));
    }

    /// <summary>Longest wait for the next event: a test waits for one it caused, so this means it is never coming.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>The next event, or null when the server ended the stream.</summary>
    public async Task<ApiEvent?> NextAsync(CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        try
        {
            return await ReadEventAsync(patience.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No event came within {Patience.TotalSeconds} seconds (heartbeats: {Comments.Count}).");
        }
    }

    private async Task<ApiEvent?> ReadEventAsync(CancellationToken cancellationToken)
    {
        string? id = null, type = null, data = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data is null)
                    continue;
                var parsed = JsonSerializer.Deserialize<ApiEvent>(data, Json)!;
                Assert.Equal((id, type), (parsed.Id.ToString(), parsed.Type));
                return parsed;
            }
            if (line.StartsWith(':'))
                Comments.Add(line[1..].Trim());
            else if (line.StartsWith("id: "))
                id = line["id: ".Length..];
            else if (line.StartsWith("event: "))
                type = line["event: ".Length..];
            else if (line.StartsWith("data: "))
                data = line["data: ".Length..];
        }
        return null;
    }

    /// <summary>The next raw line of the stream, or null at its end.</summary>
    public Task<string?> NextLineAsync(CancellationToken cancellationToken) => reader.ReadLineAsync(cancellationToken).AsTask();

    /// <summary>Reads until an event matches, returning everything read on the way (the match last).</summary>
    public async Task<List<ApiEvent>> UntilAsync(Func<ApiEvent, bool> match, CancellationToken cancellationToken)
    {
        var read = new List<ApiEvent>();
        while (await NextAsync(cancellationToken) is { } next)
        {
            read.Add(next);
            if (match(next))
                return read;
        }
        throw new InvalidOperationException($"The stream ended before the event looked for; it sent {string.Join(", ", read.Select(e => e.Type))}.");
    }

    public async ValueTask DisposeAsync()
    {
        reader.Dispose();
        response.Dispose();
        await Task.CompletedTask;
    }
}
