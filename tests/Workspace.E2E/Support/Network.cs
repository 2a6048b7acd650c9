using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Workspace.E2E.Support;

/// <summary>
/// Takes one person's network away and gives it back. Chromium's offline emulation
/// (<see cref="IBrowserContext.SetOfflineAsync"/>) fails new requests but leaves an open WebSocket running
/// (microsoft/playwright#4910), so the page's live connection would never notice it. Here the app's WebSocket
/// goes through Playwright, which drops it when the network goes and refuses new ones until it is back.
/// </summary>
public sealed class Network
{
    private readonly IBrowserContext context;
    private readonly Lock gate = new();
    private readonly List<(IWebSocketRoute Page, IWebSocketRoute Server)> open = [];
    private bool offline;
    private bool answersLost;
    private bool requestsLost;

    private Network(IBrowserContext context) => this.context = context;

    /// <summary>Routes the context's live connections; call it before the person's pages connect.</summary>
    public static async Task<Network> RouteAsync(IBrowserContext context)
    {
        var network = new Network(context);
        await context.RouteWebSocketAsync(new Regex("/_blazor"), network.Connect);
        return network;
    }

    public async Task GoOfflineAsync()
    {
        List<(IWebSocketRoute Page, IWebSocketRoute Server)> cut;
        lock (gate)
        {
            offline = true;
            cut = [.. open];
            open.Clear();
        }
        await context.SetOfflineAsync(true);
        foreach (var (page, server) in cut)
        {
            await server.CloseAsync();
            await page.CloseAsync(new() { Code = 1006, Reason = "offline" });
        }
    }

    public async Task GoOnlineAsync()
    {
        lock (gate)
        {
            offline = false;
            answersLost = false;
            requestsLost = false;
        }
        await context.SetOfflineAsync(false);
    }

    /// <summary>
    /// From now on what the page sends still reaches the server, but nothing comes back, as when a server dies after
    /// doing what it was asked and before answering. Ends with <see cref="GoOnlineAsync"/>.
    /// </summary>
    public void LoseAnswers()
    {
        lock (gate)
            answersLost = true;
    }

    /// <summary>From now on nothing the page sends reaches the server, as on a link that died. Ends with <see cref="GoOnlineAsync"/>.</summary>
    public void LoseRequests()
    {
        lock (gate)
            requestsLost = true;
    }

    private void Connect(IWebSocketRoute page)
    {
        lock (gate)
        {
            if (!offline)
            {
                var server = page.ConnectToServer();
                server.OnMessage(frame =>
                {
                    lock (gate)
                        if (answersLost)
                            return;
                    if (frame.Binary is { } binary)
                        page.Send(binary);
                    else
                        page.Send(frame.Text ?? "");
                });
                page.OnMessage(frame =>
                {
                    lock (gate)
                        if (requestsLost)
                            return;
                    if (frame.Binary is { } binary)
                        server.Send(binary);
                    else
                        server.Send(frame.Text ?? "");
                });
                open.Add((page, server));
                return;
            }
        }
        _ = page.CloseAsync(new() { Code = 1006, Reason = "offline" });
    }
}
