using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Admin;

public sealed class IntegrationsTests(BrowserFixture browsers) : BrowserTest(browsers)
{
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
}
