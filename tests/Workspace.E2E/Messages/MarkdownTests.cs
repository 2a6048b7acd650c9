using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Messages;

public sealed class MarkdownTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    /// <summary>
    /// What the renderer writes reaches the page as formatting: the sanitizer lets its own markup through without
    /// parsing it, and this is the browser's view of that markup.
    /// </summary>
    [Fact]
    public async Task Message_WithMarkdown_ShowsItsFormattingListsQuoteCodeAndASafeLink()
    {
        var page = await NewPersonAsync();
        await page.SetUpWorkspaceAsync(People.Owner);
        var box = page.MessageBox("general");

        await box.FillAsync("**Release** notes for _v2_ ~~beta~~:\n- `api` deployed\n- see https://example.com/notes?a=1&b=2\n\n" +
                            "> ship it\n\n```\nif (a < b && c > d) {}\n```");
        await box.PressAsync("Enter");

        var sent = page.Articles().Filter(new() { HasText = "notes for" });
        await Expect(sent).ToHaveCountAsync(1);
        await Expect(page.PendingArticles()).ToHaveCountAsync(0);
        await Expect(sent.Locator("strong")).ToHaveTextAsync("Release");
        await Expect(sent.Locator("em")).ToHaveTextAsync("v2");
        await Expect(sent.Locator("del")).ToHaveTextAsync("beta");
        await Expect(sent.Locator("li")).ToHaveCountAsync(2);
        await Expect(sent.Locator("li code")).ToHaveTextAsync("api");
        var link = sent.Locator("a[href='https://example.com/notes?a=1&b=2']");
        await Expect(link).ToHaveTextAsync("https://example.com/notes?a=1&b=2");
        await Expect(link).ToHaveAttributeAsync("target", "_blank");
        await Expect(link).ToHaveAttributeAsync("rel", "noopener noreferrer nofollow");
        await Expect(sent.Locator("blockquote")).ToHaveTextAsync("ship it");
        await Expect(sent.Locator("pre code")).ToHaveTextAsync("if (a < b && c > d) {}");
        await Screenshots.SaveAsync(page, "markdown-message");

        await page.ReloadAsync();
        await page.ExpectAtChannelAsync("general");
        await Expect(page.Articles().Filter(new() { HasText = "notes for" }).Locator("pre code")).ToHaveTextAsync("if (a < b && c > d) {}");
    }
}
