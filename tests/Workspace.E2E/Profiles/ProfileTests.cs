using System.Text.RegularExpressions;
using ImageMagick;
using Microsoft.Playwright;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Profiles;

public sealed class ProfileTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    [Fact]
    public async Task SaveProfile_NewNameAndHandle_ShowOnMessagesAndOnTheCard()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        await ben.PostAsync("general", "Morning all");

        await ben.OpenProfileAsync();
        await ben.GetByLabel("Display name", new() { Exact = true }).FillAsync("Benjamin Member");
        await ben.GetByLabel("Handle", new() { Exact = true }).FillAsync("@Benji");
        await ben.Button("Save profile").ClickAsync();
        await Expect(ben.GetByRole(AriaRole.Status)).ToHaveTextAsync("Profile saved.");
        await Expect(ben.GetByLabel("Handle", new() { Exact = true })).ToHaveValueAsync("benji");

        await owner.ReloadAsync();
        await owner.ExpectAtChannelAsync("general");
        var author = owner.Article(1).GetByRole(AriaRole.Button, new() { Name = "Benjamin Member", Exact = true });
        await author.ClickAsync();
        await Expect(owner.DialogNamed("Benjamin Member")).ToContainTextAsync("@benji");
    }

    [Fact]
    public async Task SaveProfile_WithSomeoneElsesHandle_SaysItIsTaken()
    {
        var (_, ben) = await OwnerAndMemberAsync();

        await ben.OpenProfileAsync();
        await ben.GetByLabel("Handle", new() { Exact = true }).FillAsync("olivia.owner");
        await ben.Button("Save profile").ClickAsync();

        await Expect(ben.Alert()).ToHaveTextAsync("Someone already has the handle @olivia.owner; pick another.");
    }

    [Fact]
    public async Task SetStatus_ShowsOnTheCardFromTheAuthorsName_AndMessageOpensTheConversation()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        await ben.PostAsync("general", "Shipping today");
        await ben.OpenProfileAsync();
        await ben.GetByLabel("Time zone", new() { Exact = true }).SelectOptionAsync("Europe/Paris");
        await ben.Button("Save profile").ClickAsync();
        await Expect(ben.GetByRole(AriaRole.Status)).ToHaveTextAsync("Profile saved.");
        await ben.WaitForCircuitAsync();
        await Expect(ben.GetByLabel("Time zone", new() { Exact = true })).ToHaveValueAsync("Europe/Paris");
        await ben.GetByLabel("Status", new() { Exact = true }).FillAsync("Launching the rocket");
        await ben.GetByLabel("Emoji", new() { Exact = true }).SelectOptionAsync("🚀");
        await ben.GetByLabel("Clear after", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "1 hour" });
        await ben.Button("Set status").ClickAsync();
        await Expect(ben.Locator(".current-status")).ToContainTextAsync("Launching the rocket");
        await Expect(ben.Button("Clear status")).ToBeEnabledAsync();
        await Screenshots.SaveAsync(ben, "profile-page");

        await owner.Article(1).GetByRole(AriaRole.Button, new() { Name = People.Member.Name, Exact = true }).ClickAsync();
        var card = owner.DialogNamed(People.Member.Name);
        await Expect(card).ToContainTextAsync("Launching the rocket");
        await Expect(card.GetByRole(AriaRole.Img, new() { Name = "rocket", Exact = true })).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync(new Regex(@"\d\d:\d\d local time\s*Europe/Paris"));
        await Screenshots.SaveAsync(owner, "profile-card");
        await Expect(card).ToBeFocusedAsync();
        await owner.Keyboard.PressAsync("Escape");
        await Expect(card).ToHaveCountAsync(0);

        await owner.Article(1).GetByRole(AriaRole.Button, new() { Name = People.Member.Name, Exact = true }).ClickAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Message", Exact = true }).ClickAsync();
        await owner.ExpectAtConversationAsync("ben.member", People.Member.Name);

        await ben.Button("Clear status").ClickAsync();
        await Expect(ben.Locator(".current-status")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Mention_WhenClicked_OpensThePersonsCard()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        var message = await owner.PostAsync("general", "Thanks @ben.member for the review", shownAs: "for the review");

        await ben.Article(1).Locator(".mention[data-handle=\"ben.member\"]").ClickAsync();
        var card = ben.DialogNamed(People.Member.Name);
        await Expect(card).ToContainTextAsync("@ben.member");
        // The card takes the focus a moment after it shows (a round trip); Escape closes it from there, as for a person.
        await Expect(card).ToBeFocusedAsync();
        await ben.Keyboard.PressAsync("Escape");
        await Expect(card).ToHaveCountAsync(0);

        await message.Locator(".mention[data-handle=\"ben.member\"]").ClickAsync();
        await owner.DialogNamed(People.Member.Name).GetByRole(AriaRole.Button, new() { Name = "Message", Exact = true }).ClickAsync();
        await owner.ExpectAtConversationAsync("ben.member", People.Member.Name);
    }

    [Fact]
    public async Task CreateToken_ShowsItOnce_ThenListsItWithoutTheSecret_AndRevokeStopsItAtOnce()
    {
        var page = await NewPersonAsync();
        await page.SetUpWorkspaceAsync(People.Owner);
        await page.OpenProfileAsync();
        var tokens = page.GetByRole(AriaRole.Region, new() { Name = "Personal access tokens", Exact = true });

        await tokens.GetByLabel("Token name", new() { Exact = true }).FillAsync("deploy script");
        await tokens.GetByRole(AriaRole.Button, new() { Name = "Create token", Exact = true }).ClickAsync();

        var shown = tokens.GetByRole(AriaRole.Textbox, new() { Name = "New token", Exact = false });
        await Expect(shown).ToHaveValueAsync(new Regex("^wsp_[A-Za-z0-9_-]{40,}$"));
        var secret = await shown.InputValueAsync();
        await Expect(tokens.GetByRole(AriaRole.Button, new() { Name = "Copy", Exact = true })).ToBeVisibleAsync();
        await Expect(tokens.GetByRole(AriaRole.List, new() { Name = "Your tokens" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);

        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        var item = tokens.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "deploy script" });
        await Expect(item).ToContainTextAsync("never used");
        await Expect(shown).ToHaveCountAsync(0);
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        var origin = new Uri(page.Url).GetLeftPart(UriPartial.Authority);
        async Task<int> ListChannelsWithTheTokenAsync() => (await page.APIRequest.GetAsync($"{origin}/api/v1/channels",
            new() { Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {secret}" } })).Status;
        Assert.Equal(200, await ListChannelsWithTheTokenAsync());

        await item.GetByRole(AriaRole.Button, new() { Name = "Revoke deploy script", Exact = true }).ClickAsync();
        await Expect(tokens.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(0);
        Assert.Equal(401, await ListChannelsWithTheTokenAsync());
    }

    [Fact]
    public async Task ChangePassword_SignsOutTheOtherSessions_AndKeepsThisOne()
    {
        var here = await NewPersonAsync();
        await here.SetUpWorkspaceAsync(People.Owner);
        var elsewhere = await NewPersonAsync();
        await elsewhere.GotoAsync("/login");
        await elsewhere.SignInAsync(People.Owner.Email, People.Owner.Password);
        await elsewhere.ExpectAtChannelAsync("general");
        await here.OpenProfileAsync();

        await here.GetByLabel("Current password", new() { Exact = true }).FillAsync("not my password");
        await here.GetByLabel("New password", new() { Exact = true }).FillAsync("a whole new password");
        await here.SubmitAndWaitForNewDocumentAsync(() => here.Button("Change password").ClickAsync());
        await Expect(here.Alert()).ToHaveTextAsync("Your current password is not right.");

        await here.WaitForCircuitAsync();
        await here.GetByLabel("Current password", new() { Exact = true }).FillAsync(People.Owner.Password);
        await here.GetByLabel("New password", new() { Exact = true }).FillAsync("a whole new password");
        await here.SubmitAndWaitForNewDocumentAsync(() => here.Button("Change password").ClickAsync());
        await Expect(here.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your password was changed. Your other sessions are signed out.");

        await elsewhere.GotoAsync("/c/general");
        await Expect(elsewhere).ToHaveURLAsync(new Regex("/login"));
        await here.GotoAsync("/c/general");
        await here.ExpectAtChannelAsync("general");

        await elsewhere.SignInAsync(People.Owner.Email, "a whole new password");
        await elsewhere.ExpectAtChannelAsync("general");
    }

    [Fact]
    public async Task UploadPhoto_ShowsItOnTheProfileAndOnMessages()
    {
        var page = await NewPersonAsync();
        await page.SetUpWorkspaceAsync(People.Owner);
        await page.PostAsync("general", "Before the photo");
        await page.OpenProfileAsync();

        await page.GetByLabel("Profile photo", new() { Exact = true }).SetInputFilesAsync(
            new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "just words"u8.ToArray() });
        await Expect(page.Alert()).ToHaveTextAsync("That file is not an image we can read (PNG, JPEG, GIF or WebP).");

        await page.GetByLabel("Profile photo", new() { Exact = true }).SetInputFilesAsync(
            new FilePayload { Name = "me.jpg", MimeType = "image/jpeg", Buffer = Picture() });
        var photo = page.Locator("section img.avatar");
        await Expect(photo).ToHaveAttributeAsync("src", new Regex(@"^/avatars/[0-9a-f-]{36}\.png\?v=1$"));
        await Expect(page.Alert()).ToHaveCountAsync(0);
        Assert.Equal(256, await photo.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : new Promise(r => img.onload = () => r(img.naturalWidth))"));

        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await page.OpenChannelAsync("general");
        await Expect(page.Article(1).Locator("img.avatar")).ToHaveAttributeAsync("src", new Regex(@"\?v=1$"));
        await Screenshots.SaveAsync(page, "message-with-photo");
    }

    private static byte[] Picture()
    {
        using var image = new MagickImage(new MagickColor("#e63"), 600, 400);
        return image.ToByteArray(MagickFormat.Jpeg);
    }
}

internal static class ProfileActions
{
    public static async Task OpenProfileAsync(this IPage page)
    {
        await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Profile", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/profile$"));
        await page.WaitForCircuitAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your profile", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Display name", new() { Exact = true })).ToBeVisibleAsync();
    }
}
