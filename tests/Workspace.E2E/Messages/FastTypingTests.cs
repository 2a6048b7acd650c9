using System.Globalization;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Messages;

public sealed class FastTypingTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    [Fact]
    public async Task PostMessage_WhenFiveAreTypedAndSentBackToBack_ThenOthersSeeEachOnceInTheOrderSent()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        string[] texts = ["alpha apples", "bravo bananas", "charlie cherries", "delta dates", "echo elderberries"];
        var box = owner.MessageBox("general");

        // Typed key by key and sent with Enter, without waiting for anything from the server in between.
        foreach (var text in texts)
        {
            await box.PressSequentiallyAsync(text);
            await box.PressAsync("Enter");
            // The box is empty at once (read, not waited for), so the next message can be typed straight away.
            Assert.Equal("", await box.InputValueAsync());
        }

        foreach (var page in new[] { ben, owner })
        {
            await Expect(page.Articles()).ToHaveCountAsync(texts.Length);
            await Expect(page.Articles()).ToContainTextAsync(texts);
            for (var i = 0; i < texts.Length; i++)
            {
                await Expect(page.Article(i + 1)).ToContainTextAsync(texts[i]);
                await Expect(page.Articles().Filter(new() { HasText = texts[i] })).ToHaveCountAsync(1);
            }
        }
        await Expect(owner.PendingArticles()).ToHaveCountAsync(0);
        await Expect(ben.PendingArticles()).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(ben, "fast-typing-seen-by-other");

        // The server has them once each, in the order sent.
        await ben.ReloadAsync();
        await ben.ExpectAtChannelAsync("general");
        await Expect(ben.Articles()).ToHaveCountAsync(texts.Length);
        Assert.Equal(
            texts.Select((text, i) => $"{(i + 1).ToString(CultureInfo.InvariantCulture)}: {text}"),
            await ben.MessageSnapshotAsync());
    }
}
