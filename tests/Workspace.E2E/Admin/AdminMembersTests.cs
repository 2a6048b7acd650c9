using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Admin;

public sealed class AdminMembersTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    private const string Deactivated = $"This account has been deactivated. Ask an admin of {People.WorkspaceName} if you need it again.";

    [Fact]
    public async Task Admin_WhenInviteeIsOnline_ChangesTheirRoleAndDeactivatesThemAtOnce()
    {
        var owner = await NewPersonAsync();
        await owner.SetUpWorkspaceAsync(People.Owner);
        await owner.OpenAdminAsync("Members");
        var link = await owner.InviteAsync(People.Member.Email);
        await Expect(owner.GetByRole(AriaRole.List, new() { Name = "Pending invites" })).ToContainTextAsync(People.Member.Email);

        var ben = await NewPersonAsync();
        await ben.GotoAsync(link);
        await Expect(ben.GetByLabel("Email", new() { Exact = true })).ToHaveValueAsync(People.Member.Email);
        await Expect(ben.GetByLabel("Email", new() { Exact = true })).Not.ToBeEditableAsync();
        await ben.GetByLabel("Your name", new() { Exact = true }).FillAsync(People.Member.Name);
        await ben.GetByLabel("Password", new() { Exact = true }).FillAsync(People.Member.Password);
        await ben.Button("Join workspace").ClickAsync();
        await ben.ExpectAtChannelAsync("general");
        await Expect(ben.GetByRole(AriaRole.Link, new() { Name = "Administration" })).ToHaveCountAsync(0);

        await owner.ReloadAsync();
        await owner.WaitForCircuitAsync();
        await owner.GetByLabel($"Role for {People.Member.Name}", new() { Exact = true })
            .SelectOptionAsync(new SelectOptionValue { Label = "Admin" });
        // Ben's open page starts again with his new role: the admin link appears without him doing anything.
        await Expect(ben.GetByRole(AriaRole.Link, new() { Name = "Administration" })).ToBeVisibleAsync();
        await ben.WaitForCircuitAsync();

        await owner.Button($"Deactivate {People.Member.Name}").ClickAsync();
        await Expect(owner.MemberRow("ben.member")).ToContainTextAsync("Deactivated");
        await Expect(ben).ToHaveURLAsync(new Regex("/login"));
        await ben.SignInAsync(People.Member.Email, People.Member.Password);
        await Expect(ben.Alert()).ToHaveTextAsync(Deactivated);
        await Screenshots.SaveAsync(ben, "admin-deactivated-sign-in");

        await owner.AdminTabs().GetByRole(AriaRole.Link, new() { Name = "Audit log", Exact = true }).ClickAsync();
        var log = owner.GetByRole(AriaRole.Table, new() { Name = "Audit log", Exact = true });
        await Expect(log.Locator("tbody tr").Nth(0)).ToHaveAttributeAsync("data-action", "sign-in.deactivated");
        await Expect(log.Locator("tr[data-action=\"member.deactivated\"]")).ToContainTextAsync(People.Member.Name);
        await Expect(log.Locator("tr[data-action=\"member.role-changed\"]")).ToContainTextAsync("member → admin");
        await Expect(log.Locator("tr[data-action=\"invite.created\"]")).ToContainTextAsync(People.Member.Email);
        await Screenshots.SaveAsync(owner, "admin-audit-log");

        await owner.AdminTabs().GetByRole(AriaRole.Link, new() { Name = "Members", Exact = true }).ClickAsync();
        await owner.Button($"Reactivate {People.Member.Name}").ClickAsync();
        await ben.SignInAsync(People.Member.Email, People.Member.Password);
        await ben.ExpectAtChannelAsync("general");
    }

    [Fact]
    public async Task Guest_WhenInvitedToOneChannel_SeesOnlyThatChannel()
    {
        var owner = await NewPersonAsync();
        await owner.SetUpWorkspaceAsync(People.Owner);
        await owner.CreateChannelAsync("clients");
        await owner.PostAsync("clients", "Welcome, client!");
        await owner.CreateChannelAsync("random");
        await owner.OpenAdminAsync("Members");
        var link = await owner.InviteAsync(null, "Guest", "clients");

        var guest = await NewPersonAsync();
        await guest.GotoAsync(link);
        await guest.GetByLabel("Your name", new() { Exact = true }).FillAsync("Gus Guest");
        await guest.GetByLabel("Email", new() { Exact = true }).FillAsync("gus@example.com");
        await guest.GetByLabel("Password", new() { Exact = true }).FillAsync("gus's long password");
        await guest.Button("Join workspace").ClickAsync();
        await guest.ExpectAtChannelAsync("clients");

        await Expect(guest.Articles().Filter(new() { HasText = "Welcome, client!" })).ToHaveCountAsync(1);
        await Expect(guest.Sidebar().Locator("a[data-channel]")).ToHaveCountAsync(1);
        await Expect(guest.Sidebar().GetByRole(AriaRole.Button, new() { Name = "Create channel" })).ToHaveCountAsync(0);
        await Expect(guest.Sidebar().GetByRole(AriaRole.Link, new() { Name = "Browse channels" })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(guest, "guest-sidebar");
        foreach (var path in new[] { "/c/general", "/c/random", "/browse" })
        {
            await guest.GotoAsync(path);
            await guest.WaitForCircuitAsync();
            await Expect(guest.GetByText(new Regex("does not exist or you do not have access|Guests can only use the channels"))).ToBeVisibleAsync();
            await Expect(guest.MessageLog()).ToHaveCountAsync(0);
        }
    }

    [Fact]
    public async Task Member_WhenOpeningAdminPages_GetsForbiddenAndLearnsNothing()
    {
        var (_, ben) = await OwnerAndMemberAsync();
        await Expect(ben.GetByRole(AriaRole.Link, new() { Name = "Administration" })).ToHaveCountAsync(0);

        foreach (var path in new[] { "/admin", "/admin/members", "/admin/channels", "/admin/integrations", "/admin/audit" })
        {
            var response = await ben.GotoAsync(path);
            Assert.Equal((path, 403), (path, response!.Status));
            await Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "Nothing here", Exact = true })).ToBeVisibleAsync();
            await Expect(ben.GetByRole(AriaRole.Table)).ToHaveCountAsync(0);
        }

        // Navigating inside the live page is checked the same way.
        await ben.GotoAsync("/c/general");
        await ben.WaitForCircuitAsync();
        await ben.EvaluateAsync("Blazor.navigateTo('/admin/members')");
        await Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "Nothing here", Exact = true })).ToBeVisibleAsync();
        await Expect(ben.AdminTabs()).ToHaveCountAsync(0);
        await Expect(ben.GetByRole(AriaRole.Table)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task RevokedInvite_WhenOpened_SaysItWasRevokedAndOffersNothing()
    {
        var owner = await NewPersonAsync();
        await owner.SetUpWorkspaceAsync(People.Owner);
        await owner.OpenAdminAsync("Members");
        var link = await owner.InviteAsync("someone@example.com");

        await owner.Button("Revoke invite for someone@example.com").ClickAsync();
        await Expect(owner.GetByText("No invite links are waiting to be used.")).ToBeVisibleAsync();

        var someone = await NewPersonAsync();
        await someone.GotoAsync(link);
        await Expect(someone.Alert()).ToHaveTextAsync("This invite link has been revoked. Ask an admin for a new one.");
        await Expect(someone.Button("Join workspace")).ToHaveCountAsync(0);
        await Expect(someone.GetByLabel("Password")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task PasswordReset_WhenTheMemberUsesTheLink_TheNewPasswordWorksAndOldSessionsEnd()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        await owner.OpenAdminAsync("Members");
        await owner.Button($"Reset password for {People.Member.Name}").ClickAsync();
        var dialog = owner.DialogNamed("Password reset link");
        var field = dialog.GetByLabel("Reset link", new() { Exact = true });
        await Expect(field).ToHaveValueAsync(new Regex("/reset-password/[^/]+$"));
        var link = await field.InputValueAsync();

        var benElsewhere = await NewPersonAsync();
        await benElsewhere.GotoAsync(link);
        await benElsewhere.GetByLabel("New password", new() { Exact = true }).FillAsync("short");
        await benElsewhere.Button("Set password").ClickAsync();
        await Expect(benElsewhere.Alert()).ToHaveTextAsync("Passwords are at least 8 characters.");
        await benElsewhere.GetByLabel("New password", new() { Exact = true }).FillAsync("a much better password");
        await benElsewhere.Button("Set password").ClickAsync();
        await Expect(benElsewhere.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your password has been changed. Sign in with it.");
        await benElsewhere.SignInAsync(People.Member.Email, "a much better password");
        await benElsewhere.ExpectAtChannelAsync("general");

        await ben.ReloadAsync();
        await Expect(ben).ToHaveURLAsync(new Regex("/login"));
        await benElsewhere.GotoAsync(link);
        await benElsewhere.GetByLabel("New password", new() { Exact = true }).FillAsync("yet another password");
        await benElsewhere.Button("Set password").ClickAsync();
        await Expect(benElsewhere.Alert()).ToHaveTextAsync("This password reset link is not valid any more. Ask an admin for a new one.");
    }

    [Fact]
    public async Task WorkspaceSettings_WhenSaved_ShowOnSignInAndLimitChannelCreation()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        await owner.OpenAdminAsync("Workspace");
        await owner.GetByLabel("Workspace name", new() { Exact = true }).FillAsync("Acme Anvils");
        await owner.GetByLabel("Description", new() { Exact = true }).FillAsync("Where the anvil people talk.");
        await owner.GetByLabel("Who can create channels", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Admins only" });
        await owner.Button("Save settings").ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Status)).ToHaveTextAsync("Settings saved.");
        await owner.GetByLabel("Logo", new() { Exact = true }).ChooseFileAsync(new FilePayload
        {
            Name = "logo.png",
            MimeType = "image/png",
            Buffer = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="),
        });
        await Expect(owner.Button("Remove logo")).ToBeVisibleAsync();
        // Everyone's open page shows the new name and logo at once.
        await Expect(ben.Locator(".workspace-name")).ToHaveTextAsync("Acme Anvils");
        await Expect(ben.Locator(".workspace-name img.workspace-logo")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(owner, "admin-workspace-settings");

        await ben.ReloadAsync();
        await ben.WaitForCircuitAsync();
        await Expect(ben.Sidebar().GetByRole(AriaRole.Button, new() { Name = "Create channel" })).ToHaveCountAsync(0);

        var visitor = await NewPersonAsync();
        await visitor.GotoAsync("/login");
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Acme Anvils" })).ToBeVisibleAsync();
        await Expect(visitor.GetByText("Where the anvil people talk.")).ToBeVisibleAsync();
        // The uploaded picture, made square at 256 pixels, is what the sign-in page shows.
        var logo = visitor.Locator("img.workspace-logo");
        await Expect(logo).ToHaveAttributeAsync("src", new Regex(@"^/logo\.png\?v=1$"));
        await Expect(logo).ToHaveJSPropertyAsync("naturalWidth", 256);
        await Screenshots.SaveAsync(visitor, "sign-in-with-logo");
    }
}
