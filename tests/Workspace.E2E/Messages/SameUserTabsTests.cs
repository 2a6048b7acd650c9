using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Messages;

public sealed class SameUserTabsTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    [Fact]
    public async Task PostMessage_WithTheSamePersonInTwoTabs_ShowsItOnceInEach()
    {
        var first = await NewPersonAsync();
        await first.SetUpWorkspaceAsync(People.Owner);
        var second = await first.Context.NewPageAsync();
        await second.GotoAsync("/c/general");
        await second.ExpectAtChannelAsync("general");

        await first.PostAsync("general", "from the first tab");
        await second.PostAsync("general", "from the second tab");

        foreach (var page in new[] { first, second })
        {
            await Expect(page.Articles()).ToHaveCountAsync(2);
            await Expect(page.Articles().Filter(new() { HasText = "from the first tab" })).ToHaveCountAsync(1);
            await Expect(page.Articles().Filter(new() { HasText = "from the second tab" })).ToHaveCountAsync(1);
            await Expect(page.PendingArticles()).ToHaveCountAsync(0);
            await Expect(page.ChannelLink("general")).ToHaveAttributeAsync("data-unread", "0");
        }
    }
}
