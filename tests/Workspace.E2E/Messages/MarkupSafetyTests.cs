using Microsoft.Playwright;
using Workspace.E2E.Profiles;
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

    [Fact]
    public async Task HostileNamesTopicsAndMessages_ShowAsText_AndRunNothing()
    {
        const string name = "<img src=x onerror=\"window.__xss=4;alert(4)\">";
        const string topic = "<script>window.__xss=5</script><svg onload=\"window.__xss=6;alert(6)\">\u202Etxt.exe";
        const string status = "<iframe src=\"javascript:window.__xss=7\"></iframe>";
        string[] messages =
        [
            "[zero\u200Bwidth](jav&#x61;script:window.__xss=8)",
            "<a href=javascript:alert(9)>a</a> <math><mtext><table><mglyph><style><img src=x onerror=alert(10)>",
            "<details open ontoggle=alert(11)>x</details> [v](VBScript:msgbox(12)) ![d](data:text/html,<script>alert(13)</script>)",
        ];
        var (owner, ben) = await OwnerAndMemberAsync();
        var dialogs = new List<string>();
        foreach (var page in new[] { owner, ben })
        {
            // A canary set before any of the page's own scripts: a payload that ran would change it.
            await page.AddInitScriptAsync("window.__xss = false");
            page.Dialog += (_, dialog) => { lock (dialogs) dialogs.Add($"{dialog.Type}: {dialog.Message}"); _ = dialog.DismissAsync(); };
        }

        // Channel names are lowercase letters, digits, '-' and '_': markup never becomes one.
        await owner.SubmitCreateChannelAsync("<svg-onload=alert(1)>");
        await Expect(owner.DialogNamed("Create channel").GetByRole(AriaRole.Alert)).ToContainTextAsync("Channel names use");
        await owner.DialogNamed("Create channel").GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        await owner.OpenProfileAsync();
        await owner.GetByLabel("Display name", new() { Exact = true }).FillAsync(name);
        await owner.Button("Save profile").ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Status)).ToHaveTextAsync("Profile saved.");
        await owner.GetByLabel("Status", new() { Exact = true }).FillAsync(status);
        await owner.Button("Set status").ClickAsync();
        await Expect(owner.Locator(".current-status")).ToContainTextAsync(status);
        await owner.OpenChannelAsync("general");
        await owner.Button("Add a topic").ClickAsync();
        await owner.GetByLabel("Topic", new() { Exact = true }).FillAsync(topic);
        await owner.GetByLabel("Topic", new() { Exact = true }).PressAsync("Enter");
        foreach (var text in messages)
        {
            await owner.MessageBox("general").FillAsync(text);
            await owner.MessageBox("general").PressAsync("Enter");
            await Expect(owner.MessageBox("general")).ToHaveValueAsync("");
        }
        await Expect(owner.Articles()).ToHaveCountAsync(messages.Length);
        await Expect(owner.PendingArticles()).ToHaveCountAsync(0);

        await Expect(ben.Articles()).ToHaveCountAsync(messages.Length);
        await ben.ReloadAsync();
        await ben.ExpectAtChannelAsync("general");
        await Expect(ben.Locator(".channel-topic")).ToHaveTextAsync(topic);
        await Expect(ben.Articles()).ToHaveCountAsync(messages.Length);
        var author = ben.Article(1).GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
        await Expect(author).ToBeVisibleAsync();
        await author.ClickAsync();
        await Expect(ben.DialogNamed(name)).ToContainTextAsync(status);
        await Screenshots.SaveAsync(ben, "markup-safety-names-and-topic");
        await Expect(ben.DialogNamed(name)).ToBeFocusedAsync();
        await ben.Keyboard.PressAsync("Escape");

        foreach (var page in new[] { owner, ben })
        {
            var log = page.MessageLog();
            await Expect(log.Locator(".message-body a[href]:not([href^=\"https:\"]):not([href^=\"http:\"]):not([href^=\"mailto:\"])")).ToHaveCountAsync(0);
            await Expect(page.Locator("img[src=\"x\"], iframe, mglyph, details, [onerror], [onload], [ontoggle]")).ToHaveCountAsync(0);
            Assert.False(await page.EvaluateAsync<bool>("() => window.__xss"));
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
