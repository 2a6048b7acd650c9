using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Messages;

public sealed class MarkUnreadTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    [Fact]
    public async Task MarkUnread_WhenMemberMarksTheSecondOfThree_ThenCountSeparatorAndTitleFollowUntilTheChannelIsReopened()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        await owner.CreateChannelAsync("random");
        await owner.ChannelLink("general").ClickAsync();
        await owner.ExpectAtChannelAsync("general");
        await ben.Sidebar().GetByRole(AriaRole.Link, new() { Name = "Browse channels", Exact = true }).ClickAsync();
        await Expect(ben).ToHaveURLAsync(new Regex("/browse$"));
        await ben.Button("Join #random").ClickAsync();
        await ben.ExpectAtChannelAsync("random");
        await ben.ChannelLink("general").ClickAsync();
        await ben.ExpectAtChannelAsync("general");

        await owner.PostAsync("general", "Agenda item one");
        await owner.PostAsync("general", "Agenda item two");
        await owner.PostAsync("general", "Agenda item three");
        await Expect(ben.Articles()).ToHaveCountAsync(3);
        await Expect(ben.ChannelLink("general")).ToHaveAttributeAsync("data-unread", "0");
        await Expect(ben).ToHaveTitleAsync("#general · Workspace");

        await ben.Article(2).ClickMessageActionAsync("Mark unread");

        await Expect(ben.ChannelLink("general")).ToHaveAttributeAsync("data-unread", "2");
        await Expect(ben).ToHaveTitleAsync("(2) #general · Workspace");
        await Expect(ben.Article(2).MessageAction("Mark unread")).ToBeFocusedAsync();
        await Expect(ben.NewMessagesSeparator()).ToHaveCountAsync(1);
        await Expect(ben.FirstArticleAfterSeparator()).ToHaveAttributeAsync("data-seq", "2");
        await Screenshots.SaveAsync(ben, "mark-unread");

        // The page no longer marks arrivals read: the next message counts too.
        await owner.PostAsync("general", "Agenda item four");
        await Expect(ben.Article(4)).ToContainTextAsync("Agenda item four");
        await Expect(ben.ChannelLink("general")).ToHaveAttributeAsync("data-unread", "3");
        await Expect(ben).ToHaveTitleAsync("(3) #general · Workspace");
        await Expect(ben.NewMessagesSeparator()).ToHaveCountAsync(1);
        await Expect(ben.FirstArticleAfterSeparator()).ToHaveAttributeAsync("data-seq", "2");
        // Olivia wrote them all: nothing is unread for her, and her title has no count.
        await Expect(owner.ChannelLink("general")).ToHaveAttributeAsync("data-unread", "0");
        await Expect(owner).ToHaveTitleAsync("#general · Workspace");

        // The count stays in front of whatever page is open.
        await ben.ChannelLink("random").ClickAsync();
        await ben.ExpectAtChannelAsync("random");
        await Expect(ben.ChannelLink("general")).ToHaveAttributeAsync("data-unread", "3");
        await Expect(ben).ToHaveTitleAsync("(3) #random · Workspace");

        // Opening #general again reads it.
        await ben.ChannelLink("general").ClickAsync();
        await ben.ExpectAtChannelAsync("general");
        await Expect(ben.ChannelLink("general")).ToHaveAttributeAsync("data-unread", "0");
        await Expect(ben).ToHaveTitleAsync("#general · Workspace");
        await Expect(ben.Articles()).ToHaveCountAsync(4);
    }

    [Fact]
    public async Task MarkUnread_WhenUnreadMessagesAreDeleted_ThenTheyAreNotCounted()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        await owner.PostAsync("general", "Draft one");
        await owner.PostAsync("general", "Draft two");
        await owner.PostAsync("general", "Draft three");
        await Expect(ben.Articles()).ToHaveCountAsync(3);

        await ben.Article(2).ClickMessageActionAsync("Mark unread");
        await Expect(ben.ChannelLink("general")).ToHaveAttributeAsync("data-unread", "2");
        await Expect(ben).ToHaveTitleAsync("(2) #general · Workspace");

        await owner.Article(3).ClickMessageActionAsync("Delete");
        await owner.DialogNamed("Delete message").GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Expect(ben.Article(3)).ToHaveCountAsync(0);
        await Expect(ben.ChannelLink("general")).ToHaveAttributeAsync("data-unread", "1");
        await Expect(ben).ToHaveTitleAsync("(1) #general · Workspace");
        await Expect(ben.FirstArticleAfterSeparator()).ToHaveAttributeAsync("data-seq", "2");

        // The first unread message goes too: nothing unread is left, so no line and no count.
        await owner.Article(2).ClickMessageActionAsync("Delete");
        await owner.DialogNamed("Delete message").GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Expect(ben.Article(2)).ToHaveCountAsync(0);
        await Expect(ben.ChannelLink("general")).ToHaveAttributeAsync("data-unread", "0");
        await Expect(ben).ToHaveTitleAsync("#general · Workspace");
        await Expect(ben.NewMessagesSeparator()).ToHaveCountAsync(0);

        // Still marked unread: a new message counts, and the line goes before it.
        await owner.PostAsync("general", "Final version");
        await Expect(ben.Article(4)).ToContainTextAsync("Final version");
        await Expect(ben.ChannelLink("general")).ToHaveAttributeAsync("data-unread", "1");
        await Expect(ben).ToHaveTitleAsync("(1) #general · Workspace");
        await Expect(ben.FirstArticleAfterSeparator()).ToHaveAttributeAsync("data-seq", "4");

        // A fresh page counts from the database and agrees.
        await ben.ReloadAsync();
        await ben.ExpectAtChannelAsync("general");
        await Expect(ben.ChannelLink("general")).ToHaveAttributeAsync("data-unread", "0");
        await Expect(ben.FirstArticleAfterSeparator()).ToHaveAttributeAsync("data-seq", "4");
    }
}
