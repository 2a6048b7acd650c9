using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Scaling;

/// <summary>Two nodes serving one workspace from one PostgreSQL database, each person on a node of their own.</summary>
public sealed class TwoNodesTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    private PostgresDatabase database = default!;
    private WorkspaceServer nodeB = default!;

    public override async ValueTask InitializeAsync()
    {
        database = await PostgresDatabase.CreateAsync();
        Server = await Task.Run(() => WorkspaceServer.Start(database.Settings), TestContext.Current.CancellationToken);
        nodeB = await Task.Run(() => WorkspaceServer.Start(database.Settings), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Messages_PostedOnOneNode_ArriveLiveOnTheOther_AndANodeRestartedCatchesUp()
    {
        var owner = await NewPersonAsync();
        await owner.SetUpWorkspaceAsync(People.Owner);
        var link = new UriBuilder(await owner.CreateInviteLinkAsync()) { Port = nodeB.BaseAddress.Port }.ToString();
        var ben = await NewPersonAsync(baseAddress: nodeB.BaseAddress);
        await ben.JoinByInviteAsync(link, People.Member);

        await owner.PostAsync("general", "Posted on node A");
        await Expect(ben.Article(1)).ToContainTextAsync("Posted on node A");
        await ben.PostAsync("general", "Answered on node B");
        await Expect(owner.Article(2)).ToContainTextAsync("Answered on node B");
        await ben.Article(1).ClickMessageActionAsync("Add reaction");
        await ben.DialogNamed("Add reaction").GetByRole(AriaRole.Button, new() { Name = "thumbs up", Exact = true }).ClickAsync();
        await Expect(owner.Article(1).Reaction("thumbs up: 1")).ToBeVisibleAsync();
        // @here reaches whoever has the app open, on whichever node.
        await owner.PostAsync("general", "@here standup from node A");
        await Expect(ben.Article(3)).ToHaveClassAsync(new Regex(@"\bmentions-me\b"));

        await nodeB.StopAsync();
        await Expect(ben.Locator("html[data-circuit=\"reconnecting\"]")).ToBeAttachedAsync();
        await owner.PostAsync("general", "Posted while node B was down");
        nodeB = await nodeB.StartAgainAsync();

        await ben.WaitForCircuitAfterRestartAsync();
        await Expect(ben.Articles()).ToContainTextAsync(["Posted on node A", "Answered on node B", "@here standup from node A",
            "Posted while node B was down"]);
        await owner.PostAsync("general", "And live again");
        await Expect(ben.Article(5)).ToContainTextAsync("And live again");
        await Screenshots.SaveAsync(ben, "node-b-after-restart");

        // One sign-in works on every node: the keys that protect the cookie are in the shared database.
        await ben.GotoAsync(Server.Url("/c/general"));
        await ben.ExpectAtChannelAsync("general");
        await Expect(ben.Article(5)).ToContainTextAsync("And live again");
    }

    /// <remarks>
    /// These two nodes are processes of their own, so that Ben's can be killed outright (SIGKILL), as a crash or the OOM
    /// killer would, rather than stopped.
    /// </remarks>
    [Fact]
    public async Task BehindNginx_PeopleStayOnTheirNode_SeeEachOtherLive_AndCatchUpWhenTheirNodeIsKilledAndRestarted()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var first = new AppProcess(database.Settings);
        await using var second = new AppProcess(database.Settings);
        await Task.WhenAll(first.StartAsync(cancel), second.StartAsync(cancel));
        await using var nginx = await Nginx.StartAsync([first.BaseAddress, second.BaseAddress]);
        var owner = await NewPersonAsync(baseAddress: nginx.BaseAddress);
        await owner.SetUpWorkspaceAsync(People.Owner);
        var link = await owner.CreateInviteLinkAsync();
        var ben = await NewPersonAsync(baseAddress: nginx.BaseAddress);
        await ben.JoinByInviteAsync(link, People.Member);
        var ownersNode = await NodeOfAsync(owner);
        var bensNode = await NodeOfAsync(ben);
        Assert.NotEqual(ownersNode, bensNode);

        await owner.PostAsync("general", "Through the balancer");
        await Expect(ben.Article(1)).ToContainTextAsync("Through the balancer");
        await ben.PostAsync("general", "Heard you, from the other node");
        await Expect(owner.Article(2)).ToContainTextAsync("Heard you, from the other node");

        var bens = bensNode == first.Port ? first : second;
        await bens.KillAsync();
        await Expect(ben.Locator("html[data-circuit=\"reconnecting\"]")).ToBeAttachedAsync();
        await owner.PostAsync("general", "While Ben's node restarts");
        await bens.StartAsync(cancel);

        await ben.WaitForCircuitAfterRestartAsync();
        await Expect(ben.Articles()).ToContainTextAsync(["Through the balancer", "Heard you, from the other node", "While Ben's node restarts"]);
        Assert.Equal(bensNode, await NodeOfAsync(ben));
        await owner.PostAsync("general", "And live again");
        await Expect(ben.Article(4)).ToContainTextAsync("And live again");
    }

    /// <summary>The port of the node nginx keeps this person on.</summary>
    private static async Task<int> NodeOfAsync(IPage page)
    {
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == Nginx.NodeCookie);
        return new Uri("http://" + cookie.Value).Port;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await nodeB.DisposeAsync();
        await database.DisposeAsync();
    }
}
