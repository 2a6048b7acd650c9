using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Domain.Channels;
using Workspace.Domain.Messages;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Setup;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Messages;

public sealed class HistoryTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    private const int MessageCount = 120;

    [Fact]
    public async Task ChannelHistory_WhenLong_LoadsTheNewestFirstAndOlderOnScrollUp()
    {
        await SeedGeneralAsync();
        var page = await NewPersonAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/login$"));
        await page.SignInAsync(People.Owner.Email, People.Owner.Password);
        await page.ExpectAtChannelAsync("general");

        await Expect(page.Article(MessageCount)).ToBeVisibleAsync();
        await Expect(page.Article(MessageCount)).ToContainTextAsync($"message {MessageCount}");
        var initial = await page.Articles().CountAsync();
        Assert.InRange(initial, 1, 50);
        await Expect(page.Article(1)).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "history-newest");

        // The log is a column-reverse scroller: its top is at -scrollHeight.
        // Each scroll must bring an older page; ten are far more than 120 messages need.
        for (var scrolls = 0; scrolls < 10; scrolls++)
        {
            var oldest = await page.Articles().First.GetAttributeAsync("data-seq");
            if (oldest == "1")
                break;
            await page.MessageLog().EvaluateAsync("el => { el.scrollTop = -el.scrollHeight; }");
            await Expect(page.Articles().First).Not.ToHaveAttributeAsync("data-seq", oldest!);
        }
        await Expect(page.Article(1)).ToBeAttachedAsync();
        await Expect(page.Article(1)).ToContainTextAsync("message 1");
        await Expect(page.Articles()).ToHaveCountAsync(MessageCount);
        await Expect(page.MessageLog().GetByText("This is the very beginning of the conversation.")).ToBeVisibleAsync();
        var seqs = await page.Articles().EvaluateAllAsync<long[]>("els => els.map(e => Number(e.dataset.seq))");
        Assert.Equal(Enumerable.Range(1, MessageCount).Select(i => (long)i), seqs);
        await Screenshots.SaveAsync(page, "history-beginning");

        await page.GotoAsync("/c/general/10");
        await page.WaitForCircuitAsync();
        await Expect(page.Article(10)).ToHaveClassAsync(new Regex(@"(^|\s)highlight(\s|$)"));
        await Expect(page.Article(10)).ToContainTextAsync("message 10");
        await Expect(page.Article(10)).ToBeInViewportAsync();
        await Expect(page.MessageLog().Locator("article.highlight")).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, "history-permalink-highlight");

        // Sending from an old part of the history goes back to the present, and the message is there once.
        await page.PostAsync("general", "sent from the past");
        await Expect(page).ToHaveURLAsync(new Regex("/c/general$"));
        await Expect(page.Article(MessageCount + 1)).ToContainTextAsync("sent from the past");
        await Expect(page.Article(MessageCount)).ToBeAttachedAsync();
        await Expect(page.PendingArticles()).ToHaveCountAsync(0);
    }

    /// <summary>Sets the workspace up and posts straight through the app's domain, as the owner.</summary>
    private async Task SeedGeneralAsync()
    {
        var sender = Server.Services.GetRequiredService<Sender>();
        var ct = TestContext.Current.CancellationToken;
        var ownerId = await sender.Send(new SetUpWorkspace(People.WorkspaceName, People.Owner.Name, People.Owner.Email, People.Owner.Password), ct);
        var general = (await sender.Send(new GetSidebar(ownerId), ct)).Single(c => c.Name == "general");
        for (var i = 1; i <= MessageCount; i++)
            await sender.Send(new PostMessage(ownerId, general.Id, $"message {i}", Guid.NewGuid()), ct);
        Assert.Equal(MessageCount, (await sender.Send(new OpenChannel(ownerId, "general"), ct)).LastSeq);
    }
}
