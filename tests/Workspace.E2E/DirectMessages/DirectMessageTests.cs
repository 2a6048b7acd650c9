using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.DirectMessages;

public sealed class DirectMessageTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    private const string Secret = "Just between us: the budget is 42k";

    [Fact]
    public async Task NewMessage_StartsAConversationTheOtherPersonSeesLiveAndAnswers()
    {
        var (owner, ben) = await OwnerAndMemberAsync();

        await owner.StartConversationAsync("ben.member", People.Member);
        await Screenshots.SaveAsync(owner, "dm-started");
        await owner.SendAsync(owner.ConversationBox("Ben Member"), "Hi Ben, got a minute?");

        var fromOlivia = ben.ChannelLink("olivia.owner");
        await Expect(fromOlivia).ToHaveAttributeAsync("data-unread", "1");
        await Expect(fromOlivia).ToHaveAttributeAsync("href", "/dm/olivia.owner");
        await Expect(fromOlivia).ToContainTextAsync("Olivia Owner");
        await Expect(ben).ToHaveURLAsync(new Regex("/c/general$"));
        await Expect(owner.ChannelLink("ben.member")).ToHaveAttributeAsync("data-unread", "0");
        await Screenshots.SaveAsync(ben, "dm-unread-in-sidebar");

        await fromOlivia.ClickAsync();
        await ben.ExpectAtConversationAsync("olivia.owner", "Olivia Owner");
        await Expect(ben.Articles()).ToHaveCountAsync(1);
        await Expect(ben.Article(1)).ToContainTextAsync("Hi Ben, got a minute?");
        await Expect(fromOlivia).ToHaveAttributeAsync("data-unread", "0");

        await ben.SendAsync(ben.ConversationBox("Olivia Owner"), "Sure, what's up?");

        var reply = owner.Articles().Filter(new() { HasText = "Sure, what's up?" });
        await Expect(reply).ToHaveCountAsync(1);
        await Expect(reply).ToContainTextAsync(People.Member.Name);
        await Expect(owner.Articles()).ToHaveCountAsync(2);
        await Expect(owner.ChannelLink("ben.member")).ToHaveAttributeAsync("data-unread", "0");
        await Screenshots.SaveAsync(owner, "dm-reply-live");
    }

    [Fact]
    public async Task DirectConversation_ForAThirdPerson_IsNeverShownAndItsAddressOpensTheirOwn()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        var cy = await NewPersonAsync();
        await owner.InviteAsync(cy, MorePeople.Third);

        await owner.StartConversationAsync("ben.member", People.Member);
        await owner.SendAsync(owner.ConversationBox("Ben Member"), Secret);
        await Expect(ben.ChannelLink("olivia.owner")).ToHaveAttributeAsync("data-unread", "1");

        // Cy's sidebar is live too (a message in #general reaches it), and it never learns of the conversation.
        await owner.OpenChannelAsync("general");
        await owner.PostAsync("general", "Morning all");
        await Expect(cy.Articles().Filter(new() { HasText = "Morning all" })).ToHaveCountAsync(1);
        await Expect(cy.ConversationLinks()).ToHaveCountAsync(0);
        await Expect(cy.Locator("body")).Not.ToContainTextAsync("budget");

        // The address Olivia and Ben would use names the two of them: for Cy it is a conversation with them both.
        await cy.GotoAsync("/dm/ben.member,olivia.owner");
        await cy.ExpectAtConversationAsync("ben.member,olivia.owner", "Ben Member, Olivia Owner");
        await Expect(cy.Articles()).ToHaveCountAsync(0);
        await Expect(cy.Locator("body")).Not.ToContainTextAsync("budget");
        Assert.DoesNotContain("budget", await cy.ContentAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(cy, "dm-third-person-own-conversation");

        await cy.GotoAsync("/dm/olivia.owner");
        await cy.ExpectAtConversationAsync("olivia.owner", "Olivia Owner");
        await Expect(cy.Articles()).ToHaveCountAsync(0);
        Assert.DoesNotContain("budget", await cy.ContentAsync(), StringComparison.Ordinal);

        await cy.GotoAsync("/dm/ben.member");
        await cy.ExpectAtConversationAsync("ben.member", "Ben Member");
        await Expect(cy.Articles()).ToHaveCountAsync(0);
        Assert.DoesNotContain("budget", await cy.ContentAsync(), StringComparison.Ordinal);

        // Ben's conversation with Olivia still holds the one message, and only that.
        await ben.ChannelLink("olivia.owner").ClickAsync();
        await ben.ExpectAtConversationAsync("olivia.owner", "Olivia Owner");
        await Expect(ben.Articles()).ToHaveCountAsync(1);
        await Expect(ben.Article(1)).ToContainTextAsync(Secret);
    }

    [Fact]
    public async Task NewMessage_WithTwoPeople_StartsOneGroupConversationForAllThree()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        var cy = await NewPersonAsync();
        await owner.InviteAsync(cy, MorePeople.Third);

        await owner.StartConversationAsync("ben.member,cy.third", People.Member, MorePeople.Third);
        await owner.SendAsync(owner.ConversationBox("Ben Member, Cy Third"), "Planning chat for the three of us");

        var bensLink = ben.ChannelLink("cy.third,olivia.owner");
        var cysLink = cy.ChannelLink("ben.member,olivia.owner");
        await Expect(bensLink).ToHaveAttributeAsync("data-unread", "1");
        await Expect(cysLink).ToHaveAttributeAsync("data-unread", "1");
        await Expect(bensLink).ToContainTextAsync("Cy Third, Olivia Owner");
        await Expect(cysLink).ToContainTextAsync("Ben Member, Olivia Owner");
        await Expect(owner.ChannelLink("ben.member,cy.third")).ToContainTextAsync("Ben Member, Cy Third");
        await Screenshots.SaveAsync(ben, "group-dm-sidebar");

        await cysLink.ClickAsync();
        await cy.ExpectAtConversationAsync("ben.member,olivia.owner", "Ben Member, Olivia Owner");
        await Expect(cy.Article(1)).ToContainTextAsync("Planning chat for the three of us");
        await cy.SendAsync(cy.ConversationBox("Ben Member, Olivia Owner"), "Count me in");

        await Expect(owner.Articles().Filter(new() { HasText = "Count me in" })).ToHaveCountAsync(1);
        await Expect(bensLink).ToHaveAttributeAsync("data-unread", "2");
        await bensLink.ClickAsync();
        await ben.ExpectAtConversationAsync("cy.third,olivia.owner", "Cy Third, Olivia Owner");
        await Expect(ben.Articles()).ToHaveCountAsync(2);
        await ben.SendAsync(ben.ConversationBox("Cy Third, Olivia Owner"), "Me too");
        await Expect(owner.Articles().Filter(new() { HasText = "Me too" })).ToHaveCountAsync(1);
        await Expect(cy.Articles().Filter(new() { HasText = "Me too" })).ToHaveCountAsync(1);
        await Expect(owner.Articles()).ToHaveCountAsync(3);
        await Screenshots.SaveAsync(cy, "group-dm-live");

        // The same three people in any order are the same conversation, never a second one.
        await owner.GotoAsync("/dm/cy.third,ben.member");
        await owner.WaitForCircuitAsync();
        await Expect(owner.ConversationBox("Ben Member, Cy Third")).ToBeVisibleAsync();
        await Expect(owner.Articles()).ToHaveCountAsync(3);
        await Expect(owner.ConversationLinks()).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task AuthorName_OnSomeoneElsesMessage_OpensTheirCard_WhoseMessageButtonOpensTheConversation()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        await owner.PostAsync("general", "Ask me anything");

        await ben.Article(1).GetByRole(AriaRole.Button, new() { Name = People.Owner.Name, Exact = true }).ClickAsync();
        var card = ben.DialogNamed(People.Owner.Name);
        await Expect(card).ToContainTextAsync("@olivia.owner");
        // One's own card offers no conversation with oneself.
        await owner.Article(1).GetByRole(AriaRole.Button, new() { Name = People.Owner.Name, Exact = true }).ClickAsync();
        await Expect(owner.DialogNamed(People.Owner.Name)).ToContainTextAsync("@olivia.owner");
        await Expect(owner.DialogNamed(People.Owner.Name).GetByRole(AriaRole.Button, new() { Name = "Message", Exact = true })).ToHaveCountAsync(0);

        await card.GetByRole(AriaRole.Button, new() { Name = "Message", Exact = true }).ClickAsync();

        await ben.ExpectAtConversationAsync("olivia.owner", "Olivia Owner");
        await Expect(ben.Articles()).ToHaveCountAsync(0);
        await ben.SendAsync(ben.ConversationBox("Olivia Owner"), "What's the plan?");
        await Expect(owner.ChannelLink("ben.member")).ToHaveAttributeAsync("data-unread", "1");
    }
}
