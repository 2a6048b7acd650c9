using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Support;

/// <summary>The thread pane and the Threads view, by the names in CONTRACT.md.</summary>
public static class ThreadActions
{
    public static ILocator ThreadPane(this IPage page) => page.GetByRole(AriaRole.Complementary, new() { Name = "Thread", Exact = true });

    public static ILocator RepliesLog(this IPage page) => page.ThreadPane().GetByRole(AriaRole.Log, new() { Name = "Replies", Exact = true });

    public static ILocator ReplyBox(this IPage page) => page.ThreadPane().GetByRole(AriaRole.Textbox, new() { Name = "Reply", Exact = true });

    /// <summary>The button under a thread's first message that opens it: <c>1 reply</c>, <c>{n} replies</c>, then the time.</summary>
    public static ILocator RepliesButton(this ILocator article, string count) =>
        article.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"^{Regex.Escape(count)}\\b") });

    public static ILocator ThreadsFeed(this IPage page) => page.GetByRole(AriaRole.Feed, new() { Name = "Threads you follow", Exact = true });

    /// <summary>Points at the message and opens its thread; waits until the reply box is ready.</summary>
    public static async Task OpenThreadAsync(this ILocator article, IPage page)
    {
        await article.ClickMessageActionAsync("Reply in thread");
        await page.ExpectThreadOpenAsync();
    }

    /// <summary>The pane is shown and its box ready (data-ready): Enter before its script attached would break the line.</summary>
    public static async Task ExpectThreadOpenAsync(this IPage page)
    {
        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]thread=[0-9a-f-]{36}"));
        await Expect(page.RepliesLog()).ToBeVisibleAsync();
        await Expect(page.ReplyBox()).ToHaveAttributeAsync("data-ready", "true");
    }

    /// <summary>Sends a reply from the open pane and waits until it shows there (once) with the box emptied.</summary>
    public static async Task ReplyAsync(this IPage page, string text, bool alsoSendTo = false, string channel = "general")
    {
        if (alsoSendTo)
            await page.ThreadPane().GetByRole(AriaRole.Checkbox, new() { Name = $"Also send to #{channel}" }).CheckAsync();
        await page.ReplyBox().FillAsync(text);
        await page.ReplyBox().PressAsync("Enter");
        await Expect(page.ReplyBox()).ToHaveValueAsync("");
        await Expect(page.RepliesLog().Locator("article").Filter(new() { HasText = text })).ToHaveCountAsync(1);
    }
}
