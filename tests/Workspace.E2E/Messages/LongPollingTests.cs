using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Messages;

/// <summary>Behind a proxy or firewall that refuses WebSockets, the app falls back to long polling by itself.</summary>
public sealed class LongPollingTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    [Fact]
    public async Task ChannelPage_WhenEveryWebSocketIsRefused_FallsBackToLongPollingAndStaysLive()
    {
        var owner = await NewPersonAsync();
        await owner.SetUpWorkspaceAsync(People.Owner);
        var link = await owner.CreateInviteLinkAsync();
        var ben = await NewPersonAsync();
        var refused = 0;
        var polls = 0;
        // Every WebSocket to the circuit's hub is closed before it reaches the server, as a proxy that drops upgrades does.
        await ben.Context.RouteWebSocketAsync(new Regex("/_blazor"), socket =>
        {
            Interlocked.Increment(ref refused);
            _ = socket.CloseAsync(new() { Code = 1006, Reason = "WebSockets are blocked here" });
        });
        ben.Context.Request += (_, request) =>
        {
            if (request.Url.Contains("/_blazor?id=", StringComparison.Ordinal))
                Interlocked.Increment(ref polls);
        };

        await ben.JoinByInviteAsync(link, People.Member);
        await owner.PostAsync("general", "Can you read me?");
        await Expect(ben.Article(1)).ToContainTextAsync("Can you read me?");
        await ben.PostAsync("general", "Loud and clear, by long polling");
        await Expect(owner.Article(2)).ToContainTextAsync("Loud and clear, by long polling");
        await owner.Article(2).ClickMessageActionAsync("Add reaction");
        await owner.DialogNamed("Add reaction").GetByRole(AriaRole.Button, new() { Name = "thumbs up", Exact = true }).ClickAsync();
        await Expect(ben.Article(2).Reaction("thumbs up: 1")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(ben, "long-polling");

        Assert.True(refused > 0, "The page tried a WebSocket first.");
        Assert.True(polls > 0, "The page polled the circuit's hub over plain HTTP.");
    }
}
