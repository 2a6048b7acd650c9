using System.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workspace.Benchmarks.Measuring;

namespace Workspace.Benchmarks.FanOut;

/// <summary>
/// The baseline: the least a SignalR server can do for the same fan-out. A hub whose clients join one group, and an
/// HTTP post that broadcasts its body to the group before answering 201, so the sender's acknowledgement means the
/// same as the app's. Runs as its own process (<c>Workspace.Benchmarks.dll signalr-baseline-host</c>), pinned like the
/// app, speaking MessagePack as the circuit does.
/// </summary>
public static class SignalRBaselineHost
{
    public const string Argument = "signalr-baseline-host";
    private const string Group = "channel";

    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSignalR().AddMessagePackProtocol();
        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<FanOutHub>("/hub");
        app.MapGet("/healthz", () => "ok");
        // What the suite's JIT warm-up reads from the app's /metrics, so the baseline is measured as warm as the app.
        app.MapGet("/metrics", () => $"{JitWarmUp.CompiledMethodsCounter} {JitInfo.GetCompiledMethodCount()}\n");
        app.MapPost("/post", async (HttpRequest request, IHubContext<FanOutHub> hub) =>
        {
            var text = await new StreamReader(request.Body).ReadToEndAsync();
            await hub.Clients.Group(Group).SendAsync("message", text);
            return Results.StatusCode(StatusCodes.Status201Created);
        });
        await app.RunAsync();
    }

    public static Func<int, CancellationToken, Task> Post(HttpClient http, Func<int, string> text) =>
        async (message, cancel) =>
        {
            using var response = await http.PostAsync("post", new StringContent(text(message)), cancel);
            response.EnsureSuccessStatusCode();
        };

    /// <summary>A subscriber: the SignalR .NET client over WebSockets with MessagePack, joined to the group.</summary>
    public static async Task<HubConnection> SubscribeAsync(Uri baseAddress, int subscriber, ReceiptBook book, CancellationToken cancel)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "hub"), options => options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets)
            .AddMessagePackProtocol()
            .Build();
        connection.On<string>("message", text => book.Scan(subscriber, text));
        await connection.StartAsync(cancel);
        await connection.InvokeAsync(nameof(FanOutHub.Join), cancel);
        return connection;
    }

    public sealed class FanOutHub : Hub
    {
        public Task Join() => Groups.AddToGroupAsync(Context.ConnectionId, Group);
    }
}
