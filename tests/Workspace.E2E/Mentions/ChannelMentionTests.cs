using System.Text.RegularExpressions;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Mentions;

public sealed class ChannelMentionTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    [Fact]
    public async Task PostMessage_WithAtChannel_GivesEveryOtherMemberAMentionBadge()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        var cy = await NewPersonAsync();
        await owner.InviteAsync(cy, MorePeople.Third);
        // Ben and Cy look at something other than #general, so what arrives there stays unread for them.
        foreach (var page in new[] { ben, cy })
        {
            await page.MentionsLink().ClickAsync();
            await Expect(page.MentionsFeed()).ToBeVisibleAsync();
        }

        await owner.PostAsync("general", "@channel the office is closed tomorrow");

        foreach (var page in new[] { ben, cy })
        {
            await Expect(page.ChannelLink("general")).ToHaveAttributeAsync("data-mentions", "1");
            await Expect(page.ChannelLink("general")).ToHaveAttributeAsync("data-unread", "1");
        }
        await Expect(owner.ChannelLink("general")).ToHaveAttributeAsync("data-mentions", "0");
        await Screenshots.SaveAsync(cy, "channel-mention-badge");

        await cy.ChannelLink("general").ClickAsync();
        await cy.ExpectAtChannelAsync("general");
        var notice = cy.Articles().Filter(new() { HasText = "the office is closed tomorrow" });
        await Expect(notice).ToHaveClassAsync(new Regex(@"\bmentions-me\b"));
        await Expect(notice.Locator(".mention[data-handle=\"channel\"]")).ToHaveTextAsync("@channel");
        await Expect(cy.ChannelLink("general")).ToHaveAttributeAsync("data-mentions", "0");
        // Cy reading it clears only Cy's badge.
        await Expect(ben.ChannelLink("general")).ToHaveAttributeAsync("data-mentions", "1");
    }

    [Fact]
    public async Task PostMessage_WithAtHere_MentionsOnlyPeopleWithTheAppOpen()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        // Cy joins but has no page open: offline.
        await Server.JoinWithoutBrowserAsync(await owner.CreateInviteLinkAsync(), MorePeople.Third);
        await ben.MentionsLink().ClickAsync();
        await Expect(ben.MentionsFeed()).ToBeVisibleAsync();

        await owner.PostAsync("general", "@here quick sync in five");

        await Expect(ben.ChannelLink("general")).ToHaveAttributeAsync("data-mentions", "1");
        var cy = await NewPersonAsync();
        await cy.GotoAsync("/login");
        await cy.SignInAsync(MorePeople.Third.Email, MorePeople.Third.Password);
        await cy.ExpectAtChannelAsync("general");
        var seenByCy = cy.Articles().Filter(new() { HasText = "quick sync in five" });
        await Expect(seenByCy).ToHaveCountAsync(1);
        await Expect(seenByCy).Not.ToHaveClassAsync(new Regex(@"\bmentions-me\b"));
        await cy.MentionsLink().ClickAsync();
        await Expect(cy.MentionsFeed()).ToContainTextAsync("Nobody has mentioned you yet.");
        await ben.ReloadAsync();
        await Expect(ben.MentionsFeed().Locator("article")).ToHaveCountAsync(1);
        await Expect(ben.MentionsFeed()).ToContainTextAsync("@here quick sync in five");
    }
}
