using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Messages;

public sealed class ComposerTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    [Fact]
    public async Task Composer_ShiftEnterThenEnter_SendsOneTwoLineMessageExactlyOnce()
    {
        var page = await NewPersonAsync();
        await page.SetUpWorkspaceAsync(People.Owner);
        var box = page.MessageBox("general");

        await box.PressSequentiallyAsync("first line");
        await box.PressAsync("Shift+Enter");
        await box.PressSequentiallyAsync("second line");
        await Expect(box).ToHaveValueAsync("first line\nsecond line");
        await Expect(page.Articles()).ToHaveCountAsync(0);

        await box.PressAsync("Enter");

        await Expect(box).ToHaveValueAsync("");
        await Expect(page.PendingArticles()).ToHaveCountAsync(0);
        var sent = page.Articles().Filter(new() { HasText = "first line" });
        await Expect(sent).ToHaveCountAsync(1);
        await Expect(page.Articles()).ToHaveCountAsync(1);
        await Expect(sent).ToHaveAttributeAsync("data-seq", "1");
        await Expect(sent.Locator("br")).ToHaveCountAsync(1);
        Assert.Contains("first line\nsecond line", await sent.InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "composer-two-line-message");

        // Sent one after another as fast as the box allows: each appears once, in order, none left pending.
        string[] burst = ["burst one", "burst two", "burst three"];
        foreach (var text in burst)
        {
            await box.FillAsync(text);
            await box.PressAsync("Enter");
            await Expect(box).ToHaveValueAsync("");
        }
        await Expect(page.Articles()).ToHaveCountAsync(4);
        await Expect(page.PendingArticles()).ToHaveCountAsync(0);
        for (var i = 0; i < burst.Length; i++)
        {
            var article = page.Articles().Filter(new() { HasText = burst[i] });
            await Expect(article).ToHaveCountAsync(1);
            await Expect(article).ToHaveAttributeAsync("data-seq", (i + 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await page.ReloadAsync();
        await page.ExpectAtChannelAsync("general");
        await Expect(page.Articles()).ToHaveCountAsync(4);
        await Expect(page.Articles().Filter(new() { HasText = "first line" })).ToHaveCountAsync(1);
    }
}
