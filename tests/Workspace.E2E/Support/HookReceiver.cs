using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Workspace.E2E.Support;

/// <summary>
/// An outgoing webhook's receiver on a loopback port of its own: answers the first <c>failFirst</c> calls with 500 and
/// the rest with 200, keeping every call. Tests wait on <see cref="AcceptedAsync"/> rather than sleeping.
/// </summary>
public sealed class HookReceiver : IAsyncDisposable
{
    private static readonly TimeSpan FailAfter = TimeSpan.FromSeconds(20);

    private readonly Lock _gate = new();
    private readonly List<HookCall> _calls = [];
    private readonly TaskCompletionSource<HookCall> _accepted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _failFirst;
    private WebApplication _app = default!;

    private HookReceiver(int failFirst) => _failFirst = failFirst;

    public string Url { get; private set; } = "";

    public IReadOnlyList<HookCall> Calls
    {
        get
        {
            lock (_gate)
                return [.. _calls];
        }
    }

    public static async Task<HookReceiver> StartAsync(int failFirst = 0)
    {
        var receiver = new HookReceiver(failFirst);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        receiver._app = builder.Build();
        receiver._app.MapPost("/hook", receiver.ReceiveAsync);
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = address.TrimEnd('/') + "/hook";
        return receiver;
    }

    /// <summary>
    /// The first call answered with 200. When none comes, the failure says what this receiver got and what the sending
    /// server's queue holds (<see cref="WorkspaceServer.DescribeOutgoingDeliveriesAsync"/>): a delivery refused, failed
    /// or waiting out a retry reads differently from one never queued.
    /// </summary>
    public async Task<HookCall> AcceptedAsync(WorkspaceServer sender)
    {
        try
        {
            return await _accepted.Task.WaitAsync(FailAfter, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException e)
        {
            var answered = string.Join(", ", Calls.Select(c => c.AnsweredWith));
            throw new TimeoutException($"No call was accepted within {FailAfter.TotalSeconds} s; calls answered: " +
                $"[{answered}]; the server's deliveries: {await sender.DescribeOutgoingDeliveriesAsync()}", e);
        }
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        HookCall call;
        lock (_gate)
        {
            var status = _calls.Count < _failFirst ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK;
            call = new HookCall(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body.ToArray(), status);
            _calls.Add(call);
        }
        if (call.AnsweredWith == StatusCodes.Status200OK)
            _accepted.TrySetResult(call);
        context.Response.StatusCode = call.AnsweredWith;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record HookCall(IReadOnlyDictionary<string, string> Headers, byte[] Body, int AnsweredWith);
