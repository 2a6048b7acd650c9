using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Messages;

public sealed class LiveTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    [Fact]
    public async Task PostMessage_WhileOthersHaveTheChannelOpen_AppearsForThemWithoutReload()
    {
        var (owner, ben) = await OwnerAndMemberAsync();

        await owner.PostAsync("general", "Hello from Olivia");
        var onBensPage = ben.Articles().Filter(new() { HasText = "Hello from Olivia" });
        await Expect(onBensPage).ToHaveCountAsync(1);
        await Expect(onBensPage).ToContainTextAsync(People.Owner.Name);

        await ben.PostAsync("general", "Hi Olivia, Ben here");
        var onOwnersPage = owner.Articles().Filter(new() { HasText = "Hi Olivia, Ben here" });
        await Expect(onOwnersPage).ToHaveCountAsync(1);
        await Expect(onOwnersPage).ToContainTextAsync(People.Member.Name);
        await Expect(owner.Articles()).ToHaveCountAsync(2);
        await Expect(ben.Articles()).ToHaveCountAsync(2);
        // Both were read as they arrived in the open channel.
        await Expect(ben.ChannelLink("general")).ToHaveAttributeAsync("data-unread", "0");
        await Expect(owner.ChannelLink("general")).ToHaveAttributeAsync("data-unread", "0");
        await Screenshots.SaveAsync(ben, "live-member-sees-owner-message");

        // Read as they arrived means read for good: a fresh page has nothing new to mark.
        await ben.ReloadAsync();
        await ben.ExpectAtChannelAsync("general");
        await Expect(ben.Articles()).ToHaveCountAsync(2);
        await Expect(ben.MessageLog().GetByRole(AriaRole.Separator, new() { Name = "New messages", Exact = true })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task PostMessage_InAnotherChannel_RaisesUnreadLiveAndMarksWhereNewMessagesStart()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        await owner.CreateChannelAsync("random");

        await ben.Sidebar().GetByRole(AriaRole.Link, new() { Name = "Browse channels", Exact = true }).ClickAsync();
        await Expect(ben).ToHaveURLAsync(new Regex("/browse$"));
        await ben.Button("Join #random").ClickAsync();
        await ben.ExpectAtChannelAsync("random");
        await Expect(ben.ChannelLink("random")).ToHaveAttributeAsync("data-unread", "0");
        await ben.ChannelLink("general").ClickAsync();
        await ben.ExpectAtChannelAsync("general");

        await owner.PostAsync("random", "First in random");
        await owner.PostAsync("random", "Second in random");
        await owner.PostAsync("random", "Third in random");

        await Expect(ben.ChannelLink("random")).ToHaveAttributeAsync("data-unread", "3");
        await Expect(ben.ChannelLink("general")).ToHaveAttributeAsync("data-unread", "0");
        await Expect(ben).ToHaveURLAsync(new Regex("/c/general$"));
        await Screenshots.SaveAsync(ben, "live-unread-badge");

        await ben.ChannelLink("random").ClickAsync();
        await ben.ExpectAtChannelAsync("random");
        await Expect(ben.ChannelLink("random")).ToHaveAttributeAsync("data-unread", "0");
        await Expect(ben.Articles()).ToHaveCountAsync(3);
        var separator = ben.MessageLog().GetByRole(AriaRole.Separator, new() { Name = "New messages", Exact = true });
        await Expect(separator).ToHaveCountAsync(1);
        await Expect(separator).ToBeVisibleAsync();
        var nextSeq = await separator.EvaluateAsync<string?>(
            "el => { let n = el.nextElementSibling; while (n && n.tagName !== 'ARTICLE') n = n.nextElementSibling; return n?.dataset.seq ?? null; }");
        Assert.Equal("1", nextSeq);
        await Screenshots.SaveAsync(ben, "live-new-messages-separator");

        // The owner's own posts never count as unread for the owner.
        await Expect(owner.ChannelLink("random")).ToHaveAttributeAsync("data-unread", "0");
    }
}
