using Microsoft.Playwright;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Messages;

public sealed class ReactionTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    [Fact]
    public async Task ToggleReaction_WhenTwoPeopleReactAndOneTakesItBack_ThenBothSeeTheCountLiveAndTheirOwnPressedState()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        await owner.PostAsync("general", "Release 2.0 is out");
        await Expect(ben.Article(1)).ToContainTextAsync("Release 2.0 is out");

        await ben.Article(1).ClickMessageActionAsync("Add reaction");
        var picker = ben.DialogNamed("Add reaction");
        await Expect(picker).ToBeVisibleAsync();
        await Expect(picker.GetByRole(AriaRole.Button, new() { Name = "party popper", Exact = true })).ToBeVisibleAsync();
        await picker.GetByRole(AriaRole.Searchbox, new() { Name = "Search emoji", Exact = true }).FillAsync("thumbs up");
        await Expect(picker.GetByRole(AriaRole.Button, new() { Name = "party popper", Exact = true })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(ben, "reaction-picker-search");
        await picker.GetByRole(AriaRole.Button, new() { Name = "thumbs up", Exact = true }).ClickAsync();
        await Expect(picker).ToHaveCountAsync(0);

        await Expect(ben.Article(1).Reaction("thumbs up: 1")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(owner.Article(1).Reaction("thumbs up: 1")).ToHaveAttributeAsync("aria-pressed", "false");

        // From the keyboard: the button pressed is shown anew with its count, and keeps the focus.
        await owner.Article(1).Reaction("thumbs up: 1").FocusAsync();
        await owner.Keyboard.PressAsync("Enter");

        await Expect(owner.Article(1).Reaction("thumbs up: 2")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(owner.Article(1).Reaction("thumbs up: 2")).ToBeFocusedAsync();
        await Expect(ben.Article(1).Reaction("thumbs up: 2")).ToHaveAttributeAsync("aria-pressed", "true");
        // One reaction button per emoji, however many reacted with it.
        await Expect(ben.Article(1).GetByRole(AriaRole.Button, new() { NameRegex = new("^thumbs up: ") })).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(ben, "reaction-two-people");

        await ben.Article(1).Reaction("thumbs up: 2").ClickAsync();

        await Expect(ben.Article(1).Reaction("thumbs up: 1")).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(ben.Article(1).Reaction("thumbs up: 1")).ToBeFocusedAsync();
        await Expect(owner.Article(1).Reaction("thumbs up: 1")).ToHaveAttributeAsync("aria-pressed", "true");

        await ben.ReloadAsync();
        await ben.ExpectAtChannelAsync("general");
        await Expect(ben.Article(1).Reaction("thumbs up: 1")).ToHaveAttributeAsync("aria-pressed", "false");
    }
}
