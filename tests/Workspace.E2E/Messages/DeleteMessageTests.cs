using Microsoft.Playwright;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Messages;

public sealed class DeleteMessageTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    [Fact]
    public async Task DeleteMessage_WhenAuthorConfirms_ThenItDisappearsForEveryoneAndStaysGoneAfterReload()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        await owner.PostAsync("general", "Wrong channel, sorry");
        await owner.PostAsync("general", "Keep this one");
        await Expect(ben.Articles()).ToHaveCountAsync(2);

        // Cancel keeps it.
        await owner.Article(1).ClickMessageActionAsync("Delete");
        var dialog = owner.DialogNamed("Delete message");
        await Expect(dialog).ToBeVisibleAsync();
        await Screenshots.SaveAsync(owner, "delete-confirm");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(owner.Article(1)).ToContainTextAsync("Wrong channel, sorry");

        await owner.Article(1).ClickMessageActionAsync("Delete");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(owner.Article(1)).ToHaveCountAsync(0);
        await Expect(ben.Article(1)).ToHaveCountAsync(0);
        await Expect(ben.Article(2)).ToContainTextAsync("Keep this one");
        await Expect(ben.Articles()).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(ben, "delete-seen-live");

        await ben.ReloadAsync();
        await ben.ExpectAtChannelAsync("general");
        await Expect(ben.Article(2)).ToContainTextAsync("Keep this one");
        await Expect(ben.Articles()).ToHaveCountAsync(1);
        await Expect(ben.Article(1)).ToHaveCountAsync(0);
        await Expect(ben.MessageLog()).Not.ToContainTextAsync("Wrong channel");
    }

    [Fact]
    public async Task DeleteMessage_WhenTheMessageIsSomeoneElses_ThenOnlyAnAdminGetsDelete()
    {
        var (owner, ben) = await OwnerAndMemberAsync();
        await owner.PostAsync("general", "Olivia announces the offsite");
        await ben.PostAsync("general", "Ben asks about parking");
        await Expect(owner.Article(2)).ToContainTextAsync("Ben asks about parking");
        await Expect(ben.Article(1)).ToContainTextAsync("Olivia announces the offsite");

        // Ben, a member, on Olivia's message: he may react and mark unread, not edit or delete.
        await ben.Article(1).HoverAsync();
        await Expect(ben.Article(1).MessageActions()).ToBeVisibleAsync();
        await Expect(ben.Article(1).MessageAction("Add reaction")).ToBeVisibleAsync();
        await Expect(ben.Article(1).MessageAction("Mark unread")).ToBeVisibleAsync();
        await Expect(ben.Article(1).MessageAction("Edit")).ToHaveCountAsync(0);
        await Expect(ben.Article(1).MessageAction("Delete")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(ben, "delete-member-toolbar-on-others-message");
        // On his own message he may do both.
        await ben.Article(2).HoverAsync();
        await Expect(ben.Article(2).MessageAction("Edit")).ToBeVisibleAsync();
        await Expect(ben.Article(2).MessageAction("Delete")).ToBeVisibleAsync();

        // Olivia, the owner and an admin, may delete Ben's message but not edit it.
        await owner.Article(2).HoverAsync();
        await Expect(owner.Article(2).MessageAction("Delete")).ToBeVisibleAsync();
        await Expect(owner.Article(2).MessageAction("Edit")).ToHaveCountAsync(0);
        await owner.Article(2).ClickMessageActionAsync("Delete");
        var dialog = owner.DialogNamed("Delete message");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(owner.Article(2)).ToHaveCountAsync(0);
        await Expect(ben.Article(2)).ToHaveCountAsync(0);
        await Expect(ben.Articles()).ToHaveCountAsync(1);
        await Expect(ben.Article(1)).ToContainTextAsync("Olivia announces the offsite");

        await ben.ReloadAsync();
        await ben.ExpectAtChannelAsync("general");
        await Expect(ben.Article(1)).ToBeVisibleAsync();
        await Expect(ben.Articles()).ToHaveCountAsync(1);
    }
}
