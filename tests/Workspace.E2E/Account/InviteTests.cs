using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Account;

public sealed class InviteTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    [Fact]
    public async Task Invite_WhenOpenedBySomeoneNew_JoinsThemToGeneralOnce()
    {
        var owner = await NewPersonAsync();
        await owner.SetUpWorkspaceAsync(People.Owner);
        await owner.PostAsync("general", "Welcome aboard, everyone!");

        var link = await owner.CreateInviteLinkAsync();
        Assert.Matches(new Regex("^" + Regex.Escape(Server.BaseAddress + "invite/") + "[^/?#]+$"), link);

        var ben = await NewPersonAsync();
        await ben.GotoAsync(link);
        await Expect(ben.GetByRole(AriaRole.Heading, new() { Name = $"Join {People.WorkspaceName}", Exact = true })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(ben, "invite-join-form");
        await ben.JoinByInviteAsync(link, People.Member);

        var welcome = ben.Articles().Filter(new() { HasText = "Welcome aboard, everyone!" });
        await Expect(welcome).ToHaveCountAsync(1);
        await Expect(welcome).ToContainTextAsync(People.Owner.Name);
        await Expect(welcome).ToHaveAttributeAsync("data-seq", "1");
        await Expect(ben.Sidebar().Locator("a[data-channel]")).ToHaveCountAsync(1);
        await Expect(ben.Button("Invite people")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(ben, "invite-member-in-general");

        var someoneElse = await NewPersonAsync();
        await someoneElse.GotoAsync(link);
        await Expect(someoneElse.Alert()).ToHaveTextAsync("This invite link has already been used.");
        await Expect(someoneElse.Button("Join workspace")).ToHaveCountAsync(0);
        await Expect(someoneElse.GetByLabel("Password")).ToHaveCountAsync(0);
    }
}
