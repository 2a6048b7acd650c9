using Microsoft.Playwright;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Channels;

public sealed class CreateChannelTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    private const string NameRule = "Channel names use lowercase letters, digits, '-' and '_', at most 80 characters.";

    [Fact]
    public async Task CreateChannel_WithInvalidOrTakenName_ExplainsAndCreatesNothing()
    {
        var page = await NewPersonAsync();
        await page.SetUpWorkspaceAsync(People.Owner);

        await page.SubmitCreateChannelAsync("Bad Name");
        var dialog = page.DialogNamed("Create channel");
        await Expect(dialog.GetByRole(AriaRole.Alert)).ToHaveTextAsync(NameRule);
        await Screenshots.SaveAsync(page, "create-channel-invalid-name");

        var name = dialog.GetByLabel("Name", new() { Exact = true });
        await name.FillAsync("general");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Alert)).ToHaveTextAsync("A channel named #general already exists. Choose another name.");
        await Expect(dialog).ToBeVisibleAsync();

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.Sidebar().Locator("a[data-channel]")).ToHaveCountAsync(1);
        await Expect(page.ChannelLink("general")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await page.ExpectAtChannelAsync("general");
        await Expect(page.Sidebar().Locator("a[data-channel]")).ToHaveCountAsync(1);

        // The same dialog does create a channel once the name is valid.
        await page.CreateChannelAsync("plan-budget_2");
        await Expect(page.Sidebar().Locator("a[data-channel]")).ToHaveCountAsync(2);
    }
}
