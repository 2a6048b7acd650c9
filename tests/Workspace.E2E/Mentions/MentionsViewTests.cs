using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Mentions;

public sealed class MentionsViewTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    [Fact]
    public async Task MentionsView_ListsMentionsNewestFirstAndEachLeadsToItsMessage()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        await owner.CreateChannelAsync("random");
        await owner.MessageBox("random").ExpectReadyAsync();
        await owner.PostAsync("random", "Before Ben arrives, @ben.member is not here yet");
        await ben.GotoAsync("/c/random");
        await ben.WaitForCircuitAsync();
        await ben.Button("Join channel").ClickAsync();
        await ben.ExpectAtChannelAsync("random");
        await ben.ChannelLink("general").ClickAsync();
        await ben.ExpectAtChannelAsync("general");

        await owner.PostAsync("random", "Filler one");
        await owner.PostAsync("random", "@ben.member the release notes need you");
        await owner.OpenChannelAsync("general");
        await owner.PostAsync("general", "@channel retro at four");
        await owner.PostAsync("general", "no mention in this one");
        await Expect(ben.ChannelLink("random")).ToHaveAttributeAsync("data-mentions", "1");

        await ben.MentionsLink().ClickAsync();
        await Expect(ben).ToHaveURLAsync(new Regex("/mentions$"));
        await ben.WaitForCircuitAsync();

        var feed = ben.MentionsFeed();
        var items = feed.Locator("article");
        await Expect(items).ToHaveCountAsync(2);
        await Expect(items.Nth(0)).ToContainTextAsync("@channel retro at four");
        await Expect(items.Nth(0)).ToContainTextAsync("#general");
        await Expect(items.Nth(1)).ToContainTextAsync("@ben.member the release notes need you");
        await Expect(items.Nth(1)).ToContainTextAsync("#random");
        await Expect(items.Nth(1)).ToContainTextAsync(People.Owner.Name);
        // Named before Ben was in #random: he was never notified, so it is not his mention.
        await Expect(feed).Not.ToContainTextAsync("Before Ben arrives");
        await Expect(feed).Not.ToContainTextAsync("no mention in this one");
        await Screenshots.SaveAsync(ben, "mentions-view");

        var permalink = items.Nth(1).GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^\d{1,2} \w{3}, \d{2}:\d{2}$") });
        await Expect(permalink).ToHaveAttributeAsync("href", "/c/random/3");
        await permalink.ClickAsync();

        await Expect(ben).ToHaveURLAsync(new Regex("/c/random/3$"));
        await ben.WaitForCircuitAsync();
        var target = ben.Article(3);
        await Expect(target).ToContainTextAsync("the release notes need you");
        await Expect(target).ToHaveClassAsync(new Regex(@"\bhighlight\b"));
        await Expect(target).ToHaveClassAsync(new Regex(@"\bmentions-me\b"));
        await Expect(target).ToBeInViewportAsync();
        await Screenshots.SaveAsync(ben, "mention-permalink");
    }

    [Fact]
    public async Task MentionsView_WhenNoOneMentionedYou_SaysHowMentionsArrive()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        await owner.PostAsync("general", "hello, but no mention");

        await ben.MentionsLink().ClickAsync();
        await Expect(ben).ToHaveURLAsync(new Regex("/mentions$"));

        await Expect(ben.MentionsFeed()).ToContainTextAsync("Nobody has mentioned you yet. When someone writes @ben.member, it shows up here.");
        await Expect(ben.MentionsFeed().Locator("article")).ToHaveCountAsync(0);
    }
}
