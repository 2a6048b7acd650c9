using Microsoft.Playwright;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Messages;

public sealed class EditMessageTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    [Fact]
    public async Task EditMessage_WhenAuthorSavesWithEnter_ThenOthersSeeTheNewTextMarkedEditedWithoutReload()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        await owner.PostAsync("general", "Lunch at noon on Friday");
        await Expect(ben.Article(1).Body()).ToContainTextAsync("Lunch at noon on Friday");
        await Expect(ben.Article(1).Body()).Not.ToContainTextAsync("(edited)");

        var editBox = await owner.Article(1).OpenEditorAsync();
        await Expect(editBox).ToHaveValueAsync("Lunch at noon on Friday");
        await editBox.FillAsync("Lunch at one on Friday");
        await editBox.PressAsync("Enter");

        await Expect(editBox).ToHaveCountAsync(0);
        await Expect(owner.Article(1).Body()).ToContainTextAsync("Lunch at one on Friday");
        await Expect(owner.Article(1).Body()).ToContainTextAsync("(edited)");
        await Expect(owner.Article(1).Body()).Not.ToContainTextAsync("noon");
        // Ben never reloads: the edit reaches his open page live.
        await Expect(ben.Article(1).Body()).ToContainTextAsync("Lunch at one on Friday");
        await Expect(ben.Article(1).Body()).ToContainTextAsync("(edited)");
        await Expect(ben.Article(1).Body()).Not.ToContainTextAsync("noon");
        await Expect(ben.Articles()).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(ben, "edit-seen-live");

        await ben.ReloadAsync();
        await ben.ExpectAtChannelAsync("general");
        await Expect(ben.Article(1).Body()).ToContainTextAsync("Lunch at one on Friday");
        await Expect(ben.Article(1).Body()).ToContainTextAsync("(edited)");
    }

    [Fact]
    public async Task EditMessage_WhenEscapePressed_ThenTheTextStaysUnchanged()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        await owner.PostAsync("general", "Standup at nine");
        await Expect(ben.Article(1).Body()).ToContainTextAsync("Standup at nine");

        var editBox = await owner.Article(1).OpenEditorAsync();
        await Expect(editBox).ToHaveValueAsync("Standup at nine");
        await editBox.FillAsync("Standup at ten");
        await editBox.PressAsync("Escape");

        await Expect(editBox).ToHaveCountAsync(0);
        await Expect(owner.Article(1).Body()).ToContainTextAsync("Standup at nine");
        await Expect(owner.Article(1).Body()).Not.ToContainTextAsync("ten");
        await Expect(owner.Article(1).Body()).Not.ToContainTextAsync("(edited)");

        // Opening the editor again starts from the saved text, not from the abandoned draft.
        editBox = await owner.Article(1).OpenEditorAsync();
        await Expect(editBox).ToHaveValueAsync("Standup at nine");
        await editBox.PressAsync("Escape");
        await Expect(editBox).ToHaveCountAsync(0);

        // A later post reaching Ben shows that anything sent before it has arrived too: no edit was.
        await owner.PostAsync("general", "See you there");
        await Expect(ben.Article(2)).ToContainTextAsync("See you there");
        await Expect(ben.Article(1).Body()).ToContainTextAsync("Standup at nine");
        await Expect(ben.Article(1).Body()).Not.ToContainTextAsync("(edited)");

        await owner.ReloadAsync();
        await owner.ExpectAtChannelAsync("general");
        await Expect(owner.Article(1).Body()).ToContainTextAsync("Standup at nine");
        await Expect(owner.Article(1).Body()).Not.ToContainTextAsync("(edited)");
    }
}
