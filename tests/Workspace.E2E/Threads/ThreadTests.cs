using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Threads;

public sealed class ThreadTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    [Fact]
    public async Task ReplyInThread_WhenAMemberReplies_ThenTheRootAuthorSeesTheCountLiveAndTheReplyInThePane()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        await owner.PostAsync("general", "Lunch at noon?");
        await Expect(ben.Article(1)).ToContainTextAsync("Lunch at noon?");

        await ben.Article(1).OpenThreadAsync(ben);
        await Expect(ben.RepliesLog()).ToContainTextAsync("Lunch at noon?");
        await ben.ReplyAsync("Count me in");

        await Expect(owner.Article(1).RepliesButton("1 reply")).ToBeVisibleAsync();
        await Expect(ben.Article(1).RepliesButton("1 reply")).ToBeVisibleAsync();
        // A reply kept in its thread stays out of the channel for both.
        await Expect(owner.MessageLog()).Not.ToContainTextAsync("Count me in");
        await Expect(ben.MessageLog()).Not.ToContainTextAsync("Count me in");
        await Expect(owner.ChannelLink("general")).ToHaveAttributeAsync("data-unread", "0");
        await Screenshots.SaveAsync(ben, "thread-reply-pane");

        await owner.Article(1).RepliesButton("1 reply").ClickAsync();

        await owner.ExpectThreadOpenAsync();
        await Expect(owner.RepliesLog().Locator("article").Filter(new() { HasText = "Count me in" })).ToContainTextAsync(People.Member.Name);
    }

    [Fact]
    public async Task ReplyInThread_WhenAlsoSentToTheChannel_ThenItShowsInTheChannelAndInTheOpenPane()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        await owner.PostAsync("general", "Release plan for Friday");
        await Expect(ben.Article(1)).ToContainTextAsync("Release plan for Friday");
        await ben.Article(1).OpenThreadAsync(ben);
        await owner.Article(1).OpenThreadAsync(owner);

        await owner.ReplyAsync("Only in the thread");
        await Expect(ben.RepliesLog()).ToContainTextAsync("Only in the thread");
        await owner.ReplyAsync("Freeze starts Thursday", alsoSendTo: true);

        await Expect(ben.RepliesLog().Locator("article").Filter(new() { HasText = "Freeze starts Thursday" })).ToHaveCountAsync(1);
        await Expect(ben.Article(2)).ToContainTextAsync("Freeze starts Thursday");
        await Expect(ben.Articles()).ToHaveCountAsync(2);
        await Expect(ben.Article(1).RepliesButton("2 replies")).ToBeVisibleAsync();
        await Expect(owner.Article(2)).ToContainTextAsync("Freeze starts Thursday");
        await Expect(owner.Article(1).RepliesButton("2 replies")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(ben, "thread-also-sent-to-channel");

        await ben.ReloadAsync();
        await ben.ExpectThreadOpenAsync();
        Assert.Equal(["1: Release plan for Friday", "2: Freeze starts Thursday"], await ben.MessageSnapshotAsync());
        await Expect(ben.RepliesLog().Locator("article").Filter(new() { HasText = "Only in the thread" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task ThreadsView_WhenSomeoneRepliesToTheOwnersMessage_ListsItUnreadAndItsLinkOpensThePane()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        await owner.PostAsync("general", "Who has the keys?");
        await Expect(ben.Article(1)).ToContainTextAsync("Who has the keys?");
        await ben.Article(1).OpenThreadAsync(ben);
        await ben.ReplyAsync("I do");

        await owner.GetByRole(AriaRole.Link, new() { Name = "Threads", Exact = true }).ClickAsync();
        await Expect(owner).ToHaveURLAsync(new Regex("/threads$"));
        await owner.WaitForCircuitAsync();
        var item = owner.ThreadsFeed().Locator("article.thread-item");
        await Expect(item).ToHaveCountAsync(1);
        await Expect(item).ToHaveAttributeAsync("data-unread", "1");
        await Expect(item).ToContainTextAsync("Who has the keys?");
        await Screenshots.SaveAsync(owner, "threads-view-unread");

        await item.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^1 reply") }).ClickAsync();

        await Expect(owner).ToHaveURLAsync(new Regex("/c/general\\?thread="));
        await owner.ExpectThreadOpenAsync();
        await Expect(owner.RepliesLog()).ToContainTextAsync("I do");
        // Reading the open thread marks it read: the Threads view shows it without a badge afterwards.
        await owner.GetByRole(AriaRole.Link, new() { Name = "Threads", Exact = true }).ClickAsync();
        await Expect(owner.ThreadsFeed().Locator("article.thread-item")).ToHaveAttributeAsync("data-unread", "0");
    }
}
