using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Mentions;

public sealed class MentionBadgeTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    /// <summary>Olivia made #random and Ben joined it; Ben is back in #general, Olivia in #random.</summary>
    private async Task<(IPage Owner, IPage Ben)> BothInRandomBenLookingAtGeneralAsync()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        await owner.CreateChannelAsync("random");
        await owner.MessageBox("random").ExpectReadyAsync();
        await ben.Sidebar().GetByRole(AriaRole.Link, new() { Name = "Browse channels", Exact = true }).ClickAsync();
        await Expect(ben).ToHaveURLAsync(new Regex("/browse$"));
        await ben.Button("Join #random").ClickAsync();
        await ben.ExpectAtChannelAsync("random");
        await ben.ChannelLink("general").ClickAsync();
        await ben.ExpectAtChannelAsync("general");
        return (owner, ben);
    }

    [Fact]
    public async Task PostMessage_MentioningSomeoneInAnotherChannel_RaisesTheirMentionBadgeLiveUntilTheyOpenIt()
    {
        var (owner, ben) = await BothInRandomBenLookingAtGeneralAsync();

        await owner.PostAsync("random", "Plain news for everyone");
        await Expect(ben.ChannelLink("random")).ToHaveAttributeAsync("data-unread", "1");
        await Expect(ben.ChannelLink("random")).ToHaveAttributeAsync("data-mentions", "0");

        await owner.PostAsync("random", "@ben.member could you review the draft?");

        await Expect(ben.ChannelLink("random")).ToHaveAttributeAsync("data-unread", "2");
        await Expect(ben.ChannelLink("random")).ToHaveAttributeAsync("data-mentions", "1");
        await Expect(ben.ChannelLink("random").Locator(".badge.mention")).ToHaveTextAsync("@1 mentions");
        await Expect(ben.ChannelLink("general")).ToHaveAttributeAsync("data-mentions", "0");
        // Olivia wrote it; nothing about it is new to her.
        await Expect(owner.ChannelLink("random")).ToHaveAttributeAsync("data-mentions", "0");
        await Expect(owner.Articles().Filter(new() { HasText = "could you review" })).Not.ToHaveClassAsync(new Regex(@"\bmentions-me\b"));
        await Screenshots.SaveAsync(ben, "mention-badge-live");

        await ben.ChannelLink("random").ClickAsync();
        await ben.ExpectAtChannelAsync("random");

        var mention = ben.Articles().Filter(new() { HasText = "could you review the draft?" });
        await Expect(mention).ToHaveClassAsync(new Regex(@"\bmentions-me\b"));
        await Expect(mention.Locator(".mention[data-handle=\"ben.member\"]")).ToHaveTextAsync("@ben.member");
        await Expect(ben.Articles().Filter(new() { HasText = "Plain news for everyone" })).Not.ToHaveClassAsync(new Regex(@"\bmentions-me\b"));
        await Expect(ben.ChannelLink("random")).ToHaveAttributeAsync("data-mentions", "0");
        await Expect(ben.ChannelLink("random")).ToHaveAttributeAsync("data-unread", "0");
        await Expect(ben.ChannelLink("random").Locator(".badge")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(ben, "mention-highlighted");

        // Read for good: a fresh page has no badge either.
        await ben.ReloadAsync();
        await ben.ExpectAtChannelAsync("random");
        await Expect(ben.ChannelLink("random")).ToHaveAttributeAsync("data-mentions", "0");
    }

    [Fact]
    public async Task EditMessage_RemovingTheMention_TakesTheBadgeAwayLive()
    {
        var (owner, ben) = await BothInRandomBenLookingAtGeneralAsync();
        await owner.PostAsync("random", "@ben.member ping");
        await Expect(ben.ChannelLink("random")).ToHaveAttributeAsync("data-mentions", "1");

        var editor = await owner.Article(1).OpenEditorAsync();
        await editor.FillAsync("never mind, ping");
        await editor.PressAsync("Enter");
        await Expect(editor).ToHaveCountAsync(0);
        await Expect(owner.Article(1).Body()).ToContainTextAsync("never mind, ping");

        await Expect(ben.ChannelLink("random")).ToHaveAttributeAsync("data-mentions", "0");
        await Expect(ben.ChannelLink("random")).ToHaveAttributeAsync("data-unread", "1");
    }
}
