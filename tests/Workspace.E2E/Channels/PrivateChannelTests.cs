using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Channels;

public sealed class PrivateChannelTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    private const string NotFound = "This channel does not exist or you do not have access to it.";
    private const string Secret = "The launch code is tangerine-42";

    [Fact]
    public async Task PrivateChannel_ForSomeoneNotInIt_IsIndistinguishableFromNoChannel()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        await owner.CreateChannelAsync("secret", isPrivate: true);
        await owner.PostAsync("secret", Secret);
        await Expect(owner.ChannelLink("secret")).ToBeVisibleAsync();
        // Its lock, an SVG written into the link as markup, is drawn.
        await Expect(owner.ChannelLink("secret").Locator("svg.channel-icon path")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(owner, "private-channel-in-sidebar");

        // Ben's sidebar never learns of it, not even live.
        await Expect(ben.Sidebar().Locator("a[data-channel]")).ToHaveCountAsync(1);
        await Expect(ben.ChannelLink("general")).ToBeVisibleAsync();
        await Expect(ben.ChannelLink("secret")).ToHaveCountAsync(0);

        await ben.Sidebar().GetByRole(AriaRole.Link, new() { Name = "Browse channels", Exact = true }).ClickAsync();
        await Expect(ben).ToHaveURLAsync(new Regex("/browse$"));
        var listed = ben.GetByRole(AriaRole.List, new() { Name = "Channels you can join", Exact = true });
        await Expect(listed.GetByRole(AriaRole.Link, new() { Name = "general", Exact = true })).ToBeVisibleAsync();
        await Expect(listed.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(listed).Not.ToContainTextAsync("secret");
        await Expect(ben.Button("Join #secret")).ToHaveCountAsync(0);

        foreach (var path in new[] { "/c/secret", "/c/secret/1", "/c/no-such-channel" })
        {
            await ben.GotoAsync(path);
            await ben.WaitForCircuitAsync();
            await Expect(ben.GetByRole(AriaRole.Alert)).ToHaveTextAsync(NotFound);
            await Expect(ben.MessageLog()).ToHaveCountAsync(0);
            await Expect(ben.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex("^Message") })).ToHaveCountAsync(0);
            await Expect(ben.Button("Join channel")).ToHaveCountAsync(0);
            await Expect(ben.Locator("body")).Not.ToContainTextAsync("launch code");
            // A fresh page loads the sidebar from the database rather than from live events.
            await Expect(ben.ChannelLink("general")).ToBeVisibleAsync();
            await Expect(ben.ChannelLink("secret")).ToHaveCountAsync(0);
        }
        await ben.GotoAsync("/c/secret");
        await Expect(ben.GetByRole(AriaRole.Alert)).ToHaveTextAsync(NotFound);
        await Screenshots.SaveAsync(ben, "private-channel-not-found");
        Assert.DoesNotContain("launch code", await ben.ContentAsync(), StringComparison.Ordinal);
    }
}
