using Microsoft.Playwright;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Mentions;

public sealed class MentionSuggestionTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    /// <summary>Olivia with Ben and Bea in #general, so that "@b" has two people to choose from.</summary>
    private async Task<IPage> OwnerWithBenAndBeaAsync()
    {
        var (owner, _) = await OwnerAndMemberAsync();
        await Server.JoinWithoutBrowserAsync(await owner.CreateInviteLinkAsync(), MorePeople.Fourth);
        // The composer learns the channel's members when the channel opens.
        await owner.ReloadAsync();
        await owner.ExpectAtChannelAsync("general");
        await owner.MessageBox("general").ExpectReadyAsync();
        return owner;
    }

    private static ILocator Option(IPage page, string name) =>
        page.MentionSuggestions().GetByRole(AriaRole.Option, new() { Name = name });

    [Fact]
    public async Task Composer_WhenTypingAnAtAndLetters_SuggestsMembersAndTheKeyboardPicksOne()
    {
        var owner = await OwnerWithBenAndBeaAsync();
        var box = owner.MessageBox("general");

        await box.PressSequentiallyAsync("Hi @b");

        var options = owner.MentionSuggestions().GetByRole(AriaRole.Option);
        await Expect(options).ToHaveCountAsync(2);
        await Expect(options.Nth(0)).ToContainTextAsync("Bea Baker");
        await Expect(options.Nth(1)).ToContainTextAsync("Ben Member");
        await Expect(Option(owner, "Bea Baker")).ToHaveAttributeAsync("aria-selected", "true");
        await Screenshots.SaveAsync(owner, "mention-suggestions");

        await box.PressAsync("ArrowDown");
        await Expect(Option(owner, "Ben Member")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(Option(owner, "Bea Baker")).ToHaveAttributeAsync("aria-selected", "false");
        await box.PressAsync("ArrowDown");
        await Expect(Option(owner, "Bea Baker")).ToHaveAttributeAsync("aria-selected", "true");
        await box.PressAsync("ArrowUp");
        await Expect(Option(owner, "Ben Member")).ToHaveAttributeAsync("aria-selected", "true");

        await box.PressAsync("Enter");
        await Expect(box).ToHaveValueAsync("Hi @ben.member ");
        await Expect(owner.MentionSuggestions()).ToHaveCountAsync(0);
        await Expect(owner.Articles()).ToHaveCountAsync(0);

        await box.PressSequentiallyAsync("and @be");
        await Expect(options).ToHaveCountAsync(2);
        await box.PressAsync("Tab");
        await Expect(box).ToHaveValueAsync("Hi @ben.member and @bea.baker ");
        await Expect(owner.MentionSuggestions()).ToHaveCountAsync(0);

        await box.PressSequentiallyAsync("cc @ol");
        await Expect(options).ToHaveCountAsync(1);
        await Expect(options).ToContainTextAsync("Olivia Owner");
        await box.PressAsync("Escape");
        await Expect(owner.MentionSuggestions()).ToHaveCountAsync(0);
        await Expect(box).ToHaveValueAsync("Hi @ben.member and @bea.baker cc @ol");

        // With the list closed, Enter sends again.
        await box.PressAsync("Enter");
        await Expect(box).ToHaveValueAsync("");
        var sent = owner.Articles().Filter(new() { HasText = "Hi @ben.member and @bea.baker cc @ol" });
        await Expect(sent).ToHaveCountAsync(1);
        await Expect(sent.Locator(".mention")).ToHaveTextAsync(["@ben.member", "@bea.baker"]);
        await Expect(sent.Locator(".mention[data-handle=\"ben.member\"]")).ToHaveCountAsync(1);
        await Expect(sent.Locator(".mention[data-handle=\"bea.baker\"]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Composer_WhenASuggestionIsClicked_InsertsTheHandleAndKeepsTyping()
    {
        var owner = await OwnerWithBenAndBeaAsync();
        var box = owner.MessageBox("general");

        await box.PressSequentiallyAsync("Lunch, @b");
        await Expect(owner.MentionSuggestions().GetByRole(AriaRole.Option)).ToHaveCountAsync(2);
        await Option(owner, "Ben Member").ClickAsync();

        await Expect(box).ToHaveValueAsync("Lunch, @ben.member ");
        await Expect(owner.MentionSuggestions()).ToHaveCountAsync(0);
        await Expect(box).ToBeFocusedAsync();
        // The caret sits after the inserted handle, so typing simply goes on.
        await box.PressSequentiallyAsync("and @ch");
        await Expect(owner.MentionSuggestions().GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await Option(owner, "Everyone in the channel").ClickAsync();
        await Expect(box).ToHaveValueAsync("Lunch, @ben.member and @channel ");

        await box.PressSequentiallyAsync("at noon?");
        await box.PressAsync("Enter");

        var sent = owner.Articles().Filter(new() { HasText = "Lunch, @ben.member and @channel at noon?" });
        await Expect(sent).ToHaveCountAsync(1);
        await Expect(sent.Locator(".mention")).ToHaveTextAsync(["@ben.member", "@channel"]);
        await Expect(owner.PendingArticles()).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Composer_InADirectConversation_SuggestsItsPeopleButNeitherChannelNorHere()
    {
        var (owner, _) = await OwnerAndMemberAsync();
        await owner.StartConversationAsync("ben.member", People.Member);
        var box = owner.ConversationBox("Ben Member");

        await box.PressSequentiallyAsync("@b");
        await Expect(owner.MentionSuggestions().GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await Expect(Option(owner, "Ben Member")).ToBeVisibleAsync();

        // A bare @ matches everyone the box may suggest: here that is the two people in the conversation.
        await box.PressAsync("Backspace");
        var options = owner.MentionSuggestions().GetByRole(AriaRole.Option);
        await Expect(options).ToHaveCountAsync(2);
        await Expect(options.Nth(0)).ToContainTextAsync("Ben Member");
        await Expect(options.Nth(1)).ToContainTextAsync("Olivia Owner");
        await Expect(owner.MentionSuggestions()).Not.ToContainTextAsync("Everyone");
    }
}
