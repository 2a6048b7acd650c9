using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Admin;

public sealed class AdminChannelsTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    private const string BenHandle = "ben.member";

    [Fact]
    public async Task ArchiveChannel_FromTheAdminPage_LeavesTheMembersSidebarLiveAndTheChannelBecomesReadOnly()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        await owner.CreateChannelAsync("plans");
        await owner.PostAsync("plans", "The plan stays readable");
        await ben.GotoAsync("/c/plans");
        await ben.WaitForCircuitAsync();
        await ben.Button("Join channel").ClickAsync();
        await ben.ExpectAtChannelAsync("plans");
        await ben.ChannelLink("general").ClickAsync();
        await ben.ExpectAtChannelAsync("general");

        await OpenAdminChannelsAsync(owner);
        await Expect(Row(owner, "plans").GetByRole(AriaRole.Cell).First).ToHaveTextAsync("2");
        await owner.Button("Archive #plans").ClickAsync();

        await Expect(Row(owner, "plans")).ToContainTextAsync("Archived");
        await Expect(owner.Button("Unarchive #plans")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(owner, "admin-channels");
        await Expect(ben.ChannelLink("plans")).ToHaveCountAsync(0);
        await Expect(ben.ChannelLink("general")).ToBeVisibleAsync();

        await ben.GotoAsync("/c/plans");
        await ben.WaitForCircuitAsync();
        await Expect(ben.GetByRole(AriaRole.Status).Filter(new() { HasText = "This channel is archived." })).ToBeVisibleAsync();
        await Expect(ben.Articles().Filter(new() { HasText = "The plan stays readable" })).ToHaveCountAsync(1);
        await Expect(ben.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex("^Message") })).ToHaveCountAsync(0);
        await Expect(ben.ChannelLink("plans")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(ben, "archived-channel");

        Assert.Equal(403, (await ben.GotoAsync("/admin/channels"))!.Status);
        await Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "Nothing here", Exact = true })).ToBeVisibleAsync();
        await Expect(ben.GetByRole(AriaRole.Table)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task RemoveChannelMember_WhileTheyViewThePrivateChannel_MovesThemAwayAndDropsItFromTheirSidebar()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        await owner.CreateChannelAsync("secret", isPrivate: true);
        await owner.PostAsync("secret", "Launch code tangerine");

        await OpenAdminChannelsAsync(owner);
        await owner.Button("Members of #secret").ClickAsync();
        var members = owner.DialogNamed("Members of #secret");
        await members.GetByLabel("Add member", new() { Exact = true }).FillAsync("@" + BenHandle);
        await members.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(members.GetByRole(AriaRole.Button, new() { Name = $"Remove @{BenHandle}", Exact = true })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(owner, "admin-channel-members");

        await ben.ChannelLink("secret").ClickAsync();
        await ben.ExpectAtChannelAsync("secret");
        await Expect(ben.Articles().Filter(new() { HasText = "Launch code tangerine" })).ToHaveCountAsync(1);

        await members.GetByRole(AriaRole.Button, new() { Name = $"Remove @{BenHandle}", Exact = true }).ClickAsync();
        await Expect(members.GetByRole(AriaRole.Button, new() { Name = $"Remove @{BenHandle}", Exact = true })).ToHaveCountAsync(0);

        await ben.ExpectAtChannelAsync("general");
        await Expect(ben.ChannelLink("secret")).ToHaveCountAsync(0);
        await Expect(ben.Locator("body")).Not.ToContainTextAsync("tangerine");
        await members.GetByRole(AriaRole.Button, new() { Name = "Done", Exact = true }).ClickAsync();
        await Expect(Row(owner, "secret").GetByRole(AriaRole.Cell).First).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task DeleteChannel_OnceTheNameIsTyped_RemovesItAndSendsItsViewersAway()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        await owner.CreateChannelAsync("doomed");
        await owner.PostAsync("doomed", "Soon gone");
        await ben.GotoAsync("/c/doomed");
        await ben.WaitForCircuitAsync();
        await ben.Button("Join channel").ClickAsync();
        await ben.ExpectAtChannelAsync("doomed");
        await Expect(ben.ChannelLink("doomed")).ToBeVisibleAsync();

        await OpenAdminChannelsAsync(owner);
        await owner.Button("Delete #doomed").ClickAsync();
        var dialog = owner.DialogNamed("Delete #doomed");
        var confirm = dialog.GetByRole(AriaRole.Button, new() { Name = "Delete channel", Exact = true });
        await Expect(confirm).ToBeDisabledAsync();
        await dialog.GetByLabel("Channel name", new() { Exact = true }).FillAsync("doome");
        await Expect(confirm).ToBeDisabledAsync();
        await dialog.GetByLabel("Channel name", new() { Exact = true }).FillAsync("doomed");
        await Expect(confirm).ToBeEnabledAsync();
        await confirm.ClickAsync();

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(Row(owner, "doomed")).ToHaveCountAsync(0);
        await Expect(owner.ChannelLink("doomed")).ToHaveCountAsync(0);
        await ben.ExpectAtChannelAsync("general");
        await Expect(ben.ChannelLink("doomed")).ToHaveCountAsync(0);
        await Expect(ben.Locator("body")).Not.ToContainTextAsync("Soon gone");
    }

    private static async Task OpenAdminChannelsAsync(IPage page)
    {
        await page.GotoAsync("/admin/channels");
        await page.WaitForCircuitAsync();
        await Expect(page.AdminTabs().GetByRole(AriaRole.Link, new() { Name = "Channels", Exact = true })).ToHaveClassAsync("active");
    }

    private static ILocator Row(IPage page, string channel) => page.Locator($"tr[data-channel=\"{channel}\"]");
}
