using System.Text;
using System.Text.RegularExpressions;
using ImageMagick;
using Microsoft.Playwright;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Admin;

public sealed class IntegrationsTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    /// <summary>
    /// A failed attempt is retried within a second instead of the production 10 s, so one hiccup on a busy machine
    /// does not outlast the receiver's wait; the delivery is still required, and every failed attempt is logged.
    /// </summary>
    protected override (string Key, string Value)[] Settings => [("OutgoingWebhooks:RetryBaseDelay", "00:00:00.5")];

    [Fact]
    public async Task Webhook_MadeOnTheIntegrationsPage_PostsLiveAsAMarkedBot()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        await owner.OpenAdminAsync("Integrations");
        await owner.GetByLabel("Webhook name", new() { Exact = true }).FillAsync("Deploy bot");
        await owner.GetByLabel("Posts to", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "#general" });
        await owner.Button("Create webhook").ClickAsync();
        var field = owner.GetByLabel("Webhook URL", new() { Exact = true });
        await Expect(field).ToHaveValueAsync(new Regex("/hooks/[^/]+$"));
        var url = await field.InputValueAsync();
        await Expect(owner.GetByRole(AriaRole.Table, new() { Name = "Incoming webhooks" })).ToContainTextAsync("Deploy bot");
        await Screenshots.SaveAsync(owner, "admin-integrations");

        using var http = new HttpClient();
        var response = await http.PostAsync(url, new StringContent("""{"text": "Shipped v2 to production", "username": "Release train", "icon_emoji": ":rocket:"}""",
            Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode);

        var message = ben.Articles().Filter(new() { HasText = "Shipped v2 to production" });
        await Expect(message).ToHaveCountAsync(1);
        await Expect(message.GetByRole(AriaRole.Button, new() { Name = "Release train", Exact = true })).ToBeVisibleAsync();
        await Expect(message.Locator(".bot-badge")).ToHaveTextAsync("BOT");
        await Expect(message.Locator(".emoji-avatar")).ToHaveTextAsync("🚀");
        await Screenshots.SaveAsync(ben, "webhook-message");

        await owner.Button("Revoke webhook Deploy bot").ClickAsync();
        await Expect(owner.GetByText("No webhooks yet.")).ToBeVisibleAsync();
        var refused = await http.PostAsync(url, new StringContent("""{"text": "after revoking"}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, refused.StatusCode);

        await owner.GetByLabel("Bot name", new() { Exact = true }).FillAsync("Release bot");
        await owner.Button("Create bot").ClickAsync();
        await Expect(owner.GetByLabel("Bot token", new() { Exact = true })).ToHaveValueAsync(new Regex("^wsp_"));
        var bots = owner.GetByRole(AriaRole.Table, new() { Name = "Bots" });
        await Expect(bots.Locator("tr").Filter(new() { HasText = "Release bot" })).ToContainTextAsync("@release.bot");
        await Expect(bots.Locator("tr").Filter(new() { HasText = "Deploy bot" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Bot_GivenAPictureAndAnOutgoingUrlOnThePage_ShowsThePictureOnItsMessagesAndItsDeliveries()
    {
        await using var receiver = await HookReceiver.StartAsync();
        var (owner, ben) = await OwnerAndMemberAsync();
        await owner.OpenAdminAsync("Integrations");
        await owner.GetByLabel("Bot name", new() { Exact = true }).FillAsync("Release bot");
        await owner.Button("Create bot").ClickAsync();
        var tokenField = owner.GetByLabel("Bot token", new() { Exact = true });
        await Expect(tokenField).ToHaveValueAsync(new Regex("^wsp_"));
        var token = await tokenField.InputValueAsync();

        await owner.GetByLabel("Bot", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Release bot (@release.bot)" });
        await owner.GetByLabel("Bot avatar", new() { Exact = true }).ChooseFileAsync(
            new FilePayload { Name = "bot.png", MimeType = "image/png", Buffer = Picture() });
        var row = owner.Locator("tr[data-bot=\"release.bot\"]");
        await Expect(row.Locator("img.avatar")).ToHaveAttributeAsync("src", new Regex(@"^/avatars/[0-9a-f-]{36}\.png\?v=1$"));
        await owner.GetByLabel("Allow calls to private network addresses", new() { Exact = true }).CheckAsync();
        await owner.GetByLabel("Outgoing URL", new() { Exact = true }).FillAsync("ftp://example.com/in");
        await owner.Button("Save outgoing URL").ClickAsync();
        await Expect(owner.Alert()).ToHaveTextAsync("Outgoing URLs start with https:// or http://.");
        await owner.GetByLabel("Outgoing URL", new() { Exact = true }).FillAsync(receiver.Url);
        await owner.Button("Save outgoing URL").ClickAsync();
        await Expect(owner.GetByLabel("Signing secret", new() { Exact = true })).ToHaveValueAsync(new Regex("^whsec_"));
        await Expect(row).ToContainTextAsync(receiver.Url);
        await Expect(row).ToContainTextAsync("No deliveries yet");

        await owner.OpenAdminAsync("Channels");
        await owner.Button("Members of #general").ClickAsync();
        var members = owner.DialogNamed("Members of #general");
        await members.GetByLabel("Add member", new() { Exact = true }).FillAsync("@release.bot");
        await members.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(members.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "@release.bot" })).ToBeVisibleAsync();
        await members.GetByRole(AriaRole.Button, new() { Name = "Done", Exact = true }).ClickAsync();

        using var api = new HttpClient { BaseAddress = Server.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var posted = await api.PostAsync("/api/v1/channels/general/messages", new StringContent(
            $$"""{"text": "Release 2.1 is out", "clientMessageId": "{{Guid.NewGuid()}}"}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        Assert.True(posted.IsSuccessStatusCode);
        var message = ben.Articles().Filter(new() { HasText = "Release 2.1 is out" });
        await Expect(message.Locator("img.avatar")).ToHaveAttributeAsync("src", new Regex(@"^/avatars/[0-9a-f-]{36}\.png\?v=1$"));
        await Expect(message.Locator(".bot-badge")).ToHaveTextAsync("BOT");

        await ben.PostAsync("general", "@release.bot when is the next one?");
        var call = await receiver.AcceptedAsync(Server);
        Assert.Contains("when is the next one?", Encoding.UTF8.GetString(call.Body));
        await owner.OpenAdminAsync("Integrations");
        await Expect(owner.Locator("tr[data-bot=\"release.bot\"] .delivery")).ToContainTextAsync("Last delivery: delivered");
        await Screenshots.SaveAsync(ben, "bot-message-with-avatar");
        await Screenshots.SaveAsync(owner, "admin-integrations-outgoing");
        await owner.GetByLabel("Allow calls to private network addresses", new() { Exact = true }).ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(owner, "admin-integrations-bot-settings");
    }

    private static byte[] Picture()
    {
        using var image = new MagickImage(new MagickColor("#3a7"), 300, 300);
        return image.ToByteArray(MagickFormat.Png);
    }
}
