using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.Domain.Channels;
using Workspace.Domain.Messages;
using Workspace.Domain.Pipeline;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Messages;

public sealed class HistoryTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    private const int MessageCount = 120;

    [Fact]
    public async Task ChannelHistory_WhenLong_LoadsTheNewestFirstAndOlderOnScrollUp()
    {
        var (sender, ownerId, generalId) = await SetUpAsync();
        await PostAsync(sender, ownerId, generalId, first: 1, last: MessageCount, "message");
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

        await ScrollUpToTheBeginningAsync(page);
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

    [Fact]
    public async Task LiveMessages_AtTheNewest_KeepTwoPagesShown_AndWhatWentLoadsAgainOnScrollUp()
    {
        var (sender, ownerId, generalId) = await SetUpAsync();
        var page = await NewPersonAsync();
        await page.GotoAsync("/login");
        await page.SignInAsync(People.Owner.Email, People.Owner.Password);
        await page.ExpectAtChannelAsync("general");

        await PostAsync(sender, ownerId, generalId, first: 1, last: 130, "live");
        await Expect(page.Article(130)).ToContainTextAsync("live 130");
        // At least two pages stay; the oldest go ten seqs at a time, so the 101 from seq 30 are shown.
        await Expect(page.Articles()).ToHaveCountAsync(2 * MessagePaging.PageSize + 1);
        await Expect(page.Article(30)).ToBeAttachedAsync();
        await Expect(page.Article(29)).ToHaveCountAsync(0);

        // Scrolled up from the newest, nothing goes: what the reader is looking at stays where it is.
        await page.MessageLog().EvaluateAsync("el => { el.scrollTop = -600; }");
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        var inView = await page.MessageLog().EvaluateAsync<string>("""
            el => {
                const box = el.getBoundingClientRect();
                return document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2).closest("article[data-seq]").dataset.seq;
            }
            """);
        // A round trip through the circuit after the scroll, so that the page has heard where the reader is.
        await page.Article(long.Parse(inView)).ClickMessageActionAsync("Add reaction");
        await page.DialogNamed("Add reaction").GetByRole(AriaRole.Button, new() { Name = "thumbs up", Exact = true }).ClickAsync();
        await Expect(page.Article(long.Parse(inView)).Reaction("thumbs up: 1")).ToBeVisibleAsync();
        await PostAsync(sender, ownerId, generalId, first: 131, last: 140, "live");
        await Expect(page.Article(140)).ToBeAttachedAsync();
        await Expect(page.Articles()).ToHaveCountAsync(2 * MessagePaging.PageSize + 1 + 10);
        await Expect(page.Article(30)).ToBeAttachedAsync();
        await Screenshots.SaveAsync(page, "live-window-scrolled-up");

        await ScrollUpToTheBeginningAsync(page);
        var seqs = await page.Articles().EvaluateAllAsync<long[]>("els => els.map(e => Number(e.dataset.seq))");
        Assert.Equal(Enumerable.Range(1, 140).Select(i => (long)i), seqs);
        await Expect(page.Article(1)).ToContainTextAsync("live 1");
    }

    /// <summary>
    /// Scrolls to the top of the log until the first message is there. The log is a column-reverse scroller: its top is
    /// at -scrollHeight. Each scroll must bring an older page; ten are far more than these tests' messages need.
    /// </summary>
    private static async Task ScrollUpToTheBeginningAsync(IPage page)
    {
        for (var scrolls = 0; scrolls < 10; scrolls++)
        {
            var oldest = await page.Articles().First.GetAttributeAsync("data-seq");
            if (oldest == "1")
                return;
            await page.MessageLog().EvaluateAsync("el => { el.scrollTop = -el.scrollHeight; }");
            await Expect(page.Articles().First).Not.ToHaveAttributeAsync("data-seq", oldest!);
        }
    }

    /// <summary>Sets the workspace up through the app's domain; answers the owner and #general.</summary>
    private async Task<(Sender Sender, Guid OwnerId, Guid GeneralId)> SetUpAsync()
    {
        var ownerId = await SetUpThroughDomainAsync();
        var general = (await Domain.Send(new GetSidebar(ownerId), TestContext.Current.CancellationToken)).Single(c => c.Name == "general");
        return (Domain, ownerId, general.Id);
    }

    /// <summary>Posts "{text} {n}" for n from first to last, as the owner, straight through the domain: seqs follow n.</summary>
    private static async Task PostAsync(Sender sender, Guid ownerId, Guid channelId, int first, int last, string text)
    {
        var ct = TestContext.Current.CancellationToken;
        for (var n = first; n <= last; n++)
            await sender.Send(new PostMessage(ownerId, channelId, $"{text} {n}", Guid.NewGuid()), ct);
        Assert.Equal(last, (await sender.Send(new OpenChannelById(ownerId, channelId), ct)).LastSeq);
    }
}
