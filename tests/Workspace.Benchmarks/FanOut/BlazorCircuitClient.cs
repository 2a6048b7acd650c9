using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workspace.Benchmarks.Server;

namespace Workspace.Benchmarks.FanOut;

/// <summary>
/// A live page without a browser, opened as blazor.web.js opens one: the page is fetched with the session cookie,
/// its component markers (<c>&lt;!--Blazor:{...}--&gt;</c>) are read, the circuit hub (<c>/_blazor</c>) is negotiated
/// and joined over a WebSocket speaking blazorpack, <c>StartCircuit</c> starts the circuit and
/// <c>UpdateRootComponents</c> adds the page's components. Every render batch is handed to <c>onBatch</c> and then
/// acknowledged with <c>OnRenderCompleted</c>, as the browser does once it has applied it, and every JS interop
/// call is answered at once as done, so the server treats this client like a quick browser.
/// </summary>
public sealed partial class BlazorCircuitClient : IAsyncDisposable
{
    private readonly ClientWebSocket socket;
    private readonly Action<byte[]> onBatch;
    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly CancellationTokenSource closing = new();
    private readonly Dictionary<string, TaskCompletionSource<object?>> pending = [];
    private readonly TaskCompletionSource interactive = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task receiving;
    private readonly Task pinging;
    private int nextInvocation;
    private long nextJsObject;
    private long batches, batchBytes, jsCalls;

    /// <summary>What the server has sent this page so far: render batches, their bytes, and JS interop calls.</summary>
    public (long Batches, long BatchBytes, long JsCalls) Traffic =>
        (Interlocked.Read(ref batches), Interlocked.Read(ref batchBytes), Interlocked.Read(ref jsCalls));

    private BlazorCircuitClient(ClientWebSocket socket, Action<byte[]> onBatch)
    {
        this.socket = socket;
        this.onBatch = onBatch;
        receiving = Task.Run(ReceiveAsync);
        pinging = Task.Run(PingAsync);
    }

    /// <summary>
    /// Completes when the page says it is live, as <c>html[data-circuit=connected]</c> tells a browser test: the layout's
    /// first interactive render calls <c>workspace.setCircuit("connected")</c>.
    /// </summary>
    public Task Interactive => interactive.Task;

    /// <summary>Why the server ended the circuit, when it did (a <c>JS.Error</c> or a close with an error).</summary>
    public string? Failure { get; private set; }

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex ComponentMarker();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex ComponentState();

    public static async Task<BlazorCircuitClient> OpenAsync(HttpClient http, string cookie, string path, Action<byte[]> onBatch,
        CancellationToken cancel)
    {
        var cookieHeader = $"{WorkspaceSeed.CookieName}={cookie}";
        var page = new Uri(http.BaseAddress!, path);
        using var get = new HttpRequestMessage(HttpMethod.Get, page);
        get.Headers.Add("Cookie", cookieHeader);
        using var response = await http.SendAsync(get, cancel);
        var html = await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync(cancel);
        var markers = ComponentMarker().Matches(html).Select(m => JsonNode.Parse(m.Groups[1].Value)!).ToList();
        if (markers.Count == 0)
            throw new InvalidOperationException($"{path} has no component markers: not signed in, or not an interactive page.");
        var state = ComponentState().Match(html) is { Success: true } found ? found.Groups[1].Value : "";

        using var negotiate = new HttpRequestMessage(HttpMethod.Post, new Uri(http.BaseAddress!, "_blazor/negotiate?negotiateVersion=1"));
        negotiate.Headers.Add("Cookie", cookieHeader);
        using var negotiated = await http.SendAsync(negotiate, cancel);
        var connection = (await negotiated.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>(cancel))!;
        var token = (string)connection["connectionToken"]!;

        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Cookie", cookieHeader);
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        var hub = new UriBuilder(http.BaseAddress!) { Scheme = "ws", Path = "/_blazor", Query = $"id={Uri.EscapeDataString(token)}" }.Uri;
        await socket.ConnectAsync(hub, cancel);
        await socket.SendAsync(Encoding.UTF8.GetBytes(BlazorPack.Handshake), WebSocketMessageType.Text, true, cancel);
        await ReadHandshakeAsync(socket, cancel);

        var client = new BlazorCircuitClient(socket, onBatch);
        var secret = await client.InvokeAsync("StartCircuit", cancel, http.BaseAddress!.ToString(), page.ToString(), "[]", "");
        if (secret is not string)
            throw new InvalidOperationException($"StartCircuit failed: {client.Failure ?? "no circuit id"}");
        // blazor.web.js numbers the page's components (ssrComponentId) and adds them in one batch.
        var operations = new JsonObject
        {
            ["batchId"] = 1,
            ["operations"] = new JsonArray([.. markers.Select((marker, i) => (JsonNode)new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = i + 1,
                ["marker"] = marker,
            })]),
        };
        await client.SendAsync(BlazorPack.Invoke(null, "UpdateRootComponents", operations.ToJsonString(), state), cancel);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await closing.CancelAsync();
        try
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, patience.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Already gone.
        }
        socket.Abort();
        await Task.WhenAll(receiving, pinging);
        socket.Dispose();
        closing.Dispose();
    }

    private static async Task ReadHandshakeAsync(ClientWebSocket socket, CancellationToken cancel)
    {
        var buffer = new byte[1024];
        var received = await socket.ReceiveAsync(buffer, cancel);
        var answer = Encoding.UTF8.GetString(buffer, 0, received.Count).TrimEnd('\u001e');
        if (JsonNode.Parse(answer)?["error"] is { } error)
            throw new InvalidOperationException($"The circuit hub refused the handshake: {error}");
    }

    private async Task<object?> InvokeAsync(string target, CancellationToken cancel, params object?[] arguments)
    {
        var id = Interlocked.Increment(ref nextInvocation).ToString();
        var completion = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (pending)
            pending[id] = completion;
        await SendAsync(BlazorPack.Invoke(id, target, arguments), cancel);
        try
        {
            return await completion.Task.WaitAsync(TimeSpan.FromSeconds(60), cancel);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{target} was not answered within 60 s ({Failure ?? "the connection is open"}).");
        }
    }

    private async Task SendAsync(byte[] message, CancellationToken cancel)
    {
        await sending.WaitAsync(cancel);
        try
        {
            await socket.SendAsync(message, WebSocketMessageType.Binary, true, cancel);
        }
        finally
        {
            sending.Release();
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        var filled = 0;
        var messages = new List<BlazorPack.Message>();
        try
        {
            while (!closing.IsCancellationRequested)
            {
                if (filled == buffer.Length)
                    Array.Resize(ref buffer, buffer.Length * 2);
                var received = await socket.ReceiveAsync(buffer.AsMemory(filled), closing.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                    break;
                filled += received.Count;
                messages.Clear();
                var consumed = BlazorPack.Read(buffer.AsMemory(0, filled), messages);
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
                foreach (var message in messages)
                    await HandleAsync(message);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Closed by us or by the server.
        }
        catch (Exception e)
        {
            Failure = $"the client could not read the server: {e}";
        }
        finally
        {
            Failure ??= closing.IsCancellationRequested ? null : "the connection closed";
            lock (pending)
                foreach (var completion in pending.Values)
                    completion.TrySetResult(null);
            interactive.TrySetException(new InvalidOperationException($"The circuit ended before the page was live: {Failure}"));
        }
    }

    private async Task HandleAsync(BlazorPack.Message message)
    {
        switch (message.Type)
        {
            case BlazorPack.Completion:
                TaskCompletionSource<object?>? completion;
                lock (pending)
                    pending.Remove(message.InvocationId!, out completion);
                if ((long)message.Arguments[0]! == 1)
                    Failure = message.Arguments[1] as string;
                completion?.TrySetResult(message.Arguments[1]);
                break;
            case BlazorPack.Close:
                Failure = message.Arguments[0] as string ?? "closed by the server";
                break;
            case BlazorPack.Invocation when message.Target == "JS.RenderBatch":
                var batchId = (long)message.Arguments[0]!;
                var batch = (byte[])message.Arguments[1]!;
                Interlocked.Increment(ref batches);
                Interlocked.Add(ref batchBytes, batch.Length);
                onBatch(batch);
                await SendAsync(BlazorPack.Invoke(null, "OnRenderCompleted", batchId, null), closing.Token);
                break;
            case BlazorPack.Invocation when message.Target == "JS.BeginInvokeJS":
                var handle = (long)message.Arguments[0]!;
                Interlocked.Increment(ref jsCalls);
                if (message.Arguments[1] is "workspace.setCircuit" && message.Arguments[2] is string arguments && arguments.Contains("connected"))
                    interactive.TrySetResult();
                // The result type: 1 asks for a JS object reference, which the caller will use later.
                var result = message.Arguments.Length > 3 && message.Arguments[3] is 1L
                    ? $"{{\"__jsObjectId\":{Interlocked.Increment(ref nextJsObject)}}}"
                    : "null";
                await SendAsync(BlazorPack.Invoke(null, "EndInvokeJSFromDotNet", handle, true, $"[{handle},true,{result}]"), closing.Token);
                break;
            case BlazorPack.Invocation when message.Target == "JS.Error":
                Failure = message.Arguments.FirstOrDefault() as string ?? "JS.Error";
                break;
        }
    }

    /// <summary>The server closes a connection it has not heard from in 30 s; blazor.web.js pings every 15 s.</summary>
    private async Task PingAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15));
        try
        {
            while (await timer.WaitForNextTickAsync(closing.Token))
                await SendAsync(BlazorPack.PingMessage(), closing.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }
}
