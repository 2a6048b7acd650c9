using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Mentions;

public sealed class MentionNonMemberTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    [Fact]
    public async Task PostMessage_MentioningANonMember_OffersToAddThemAndTheyGetTheChannelLive()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        await owner.CreateChannelAsync("random");
        await owner.MessageBox("random").ExpectReadyAsync();
        await Expect(ben.ChannelLink("random")).ToHaveCountAsync(0);

        await owner.PostAsync("random", "@ben.member can you take a look?");

        var offer = owner.GetByRole(AriaRole.Status).Filter(new() { HasText = "weren't notified" });
        await Expect(offer).ToContainTextAsync("@ben.member isn't in #random, so they weren't notified.");
        // Not a member, so not a mention: the text stays plain.
        await Expect(owner.Article(1).Locator(".mention")).ToHaveCountAsync(0);
        await Expect(ben.ChannelLink("random")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(owner, "mention-offer-to-add");

        await Expect(owner.Locator(".member-count")).ToHaveTextAsync("1 member");
        await offer.GetByRole(AriaRole.Button, new() { Name = "Add to #random", Exact = true }).ClickAsync();

        await Expect(offer).ToHaveCountAsync(0);
        await Expect(owner.Locator(".member-count")).ToHaveTextAsync("2 members");
        await Expect(ben.ChannelLink("random")).ToBeVisibleAsync();
        await Expect(ben.ChannelLink("random")).ToHaveAttributeAsync("data-unread", "0");
        await Expect(ben).ToHaveURLAsync(new Regex("/c/general$"));
        await Screenshots.SaveAsync(ben, "mention-added-to-channel");

        // From now on Ben is in #random: a mention reaches him and no offer appears.
        await owner.PostAsync("random", "@ben.member welcome aboard");
        await Expect(ben.ChannelLink("random")).ToHaveAttributeAsync("data-mentions", "1");
        await Expect(owner.GetByRole(AriaRole.Status).Filter(new() { HasText = "weren't notified" })).ToHaveCountAsync(0);
        await ben.ChannelLink("random").ClickAsync();
        await ben.ExpectAtChannelAsync("random");
        await Expect(ben.Articles()).ToHaveCountAsync(2);
        await Expect(ben.Articles().Filter(new() { HasText = "welcome aboard" })).ToHaveClassAsync(new Regex(@"\bmentions-me\b"));
    }

    [Fact]
    public async Task PostMessage_MentioningANonMember_CanBeDismissedWithoutAddingThem()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        await owner.CreateChannelAsync("random");
        await owner.MessageBox("random").ExpectReadyAsync();

        await owner.PostAsync("random", "@ben.member maybe later");
        var offer = owner.GetByRole(AriaRole.Status).Filter(new() { HasText = "weren't notified" });
        await Expect(offer).ToContainTextAsync("@ben.member isn't in #random, so they weren't notified.");
        await offer.GetByRole(AriaRole.Button, new() { Name = "Dismiss", Exact = true }).ClickAsync();

        await Expect(offer).ToHaveCountAsync(0);
        // A later message (Olivia's, in a channel Ben is in) proves his sidebar is live, and #random is still not in it.
        await owner.OpenChannelAsync("general");
        await owner.PostAsync("general", "meanwhile in general");
        await Expect(ben.Articles().Filter(new() { HasText = "meanwhile in general" })).ToHaveCountAsync(1);
        await Expect(ben.ChannelLink("random")).ToHaveCountAsync(0);
    }
}
