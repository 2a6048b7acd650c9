using Microsoft.Playwright;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Messages;

public sealed class MarkupSafetyTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    private const string JavascriptLink = "[click-me](javascript:alert(1))";
    private const string ScriptTag = "<script>window.__xss=1</script>";
    private const string ImageTag = "<img src=x onerror=\"window.__xss=2\">";

    [Fact]
    public async Task PostMessage_WithScriptsAndJavascriptLinks_ShowsThemAsHarmlessText()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        var dialogs = new List<string>();
        foreach (var page in new[] { owner, ben })
            page.Dialog += (_, dialog) => { lock (dialogs) dialogs.Add($"{dialog.Type}: {dialog.Message}"); _ = dialog.DismissAsync(); };

        var link = await owner.PostAsync("general", JavascriptLink, shownAs: "click-me");
        await owner.PostAsync("general", ScriptTag);
        await owner.PostAsync("general", ImageTag);
        await Expect(link).Not.ToContainTextAsync("javascript:");

        // Ben got them live; after a reload both read them from history.
        await Expect(ben.Articles()).ToHaveCountAsync(3);
        await AssertHarmlessAsync(owner);
        await AssertHarmlessAsync(ben);
        await Screenshots.SaveAsync(ben, "markup-safety-live");
        foreach (var page in new[] { owner, ben })
        {
            await page.ReloadAsync();
            await page.ExpectAtChannelAsync("general");
            await Expect(page.Articles()).ToHaveCountAsync(3);
            await AssertHarmlessAsync(page);
        }
        lock (dialogs)
            Assert.Empty(dialogs);
    }

    private static async Task AssertHarmlessAsync(IPage page)
    {
        var log = page.MessageLog();
        await Expect(log.Locator("article[data-seq=\"2\"]")).ToContainTextAsync(ScriptTag);
        await Expect(log.Locator("article[data-seq=\"3\"]")).ToContainTextAsync(ImageTag);
        await Expect(log.Locator("article[data-seq=\"1\"]")).ToContainTextAsync("click-me");
        await Expect(log.Locator("a[href^=\"javascript\" i]")).ToHaveCountAsync(0);
        await Expect(log.Locator("[onerror], [onclick], [onload]")).ToHaveCountAsync(0);
        await Expect(log.Locator("img")).ToHaveCountAsync(0);
        await Expect(log.Locator("script")).ToHaveCountAsync(0);
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
    }
}
