using Microsoft.Playwright;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Layout;

public sealed class PhoneLayoutTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    [Fact]
    public async Task ChannelPage_OnANarrowPhone_ShowsTheConversationAndOpensChannelsOnDemand()
    {
        var page = await NewPersonAsync(new ViewportSize { Width = 390, Height = 844 });
        await page.SetUpWorkspaceAsync(People.Owner);

        await Expect(page.MessageBox("general")).ToBeVisibleAsync();
        await Expect(page.MessageBox("general")).ToBeInViewportAsync();
        await Expect(page.Sidebar()).ToBeHiddenAsync();
        await page.PostAsync("general", "Typed on a phone");
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.InRange(width, 1, 390);
        await Screenshots.SaveAsync(page, "phone-conversation");

        await page.Button("Show channels").ClickAsync();
        await Expect(page.Sidebar()).ToBeVisibleAsync();
        await Expect(page.ChannelLink("general")).ToBeVisibleAsync();
        await Expect(page.Sidebar().GetByRole(AriaRole.Button, new() { Name = "Create channel", Exact = true })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "phone-channels-open");

        await page.ChannelLink("general").ClickAsync();
        await Expect(page.Sidebar()).ToBeHiddenAsync();
        await Expect(page.MessageBox("general")).ToBeVisibleAsync();
    }
}
