using Microsoft.Playwright;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Messages;

public sealed class OfflineCatchUpTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    [Fact]
    public async Task ChannelPage_WhenTheReaderWasOfflineWhileMessagesChanged_ThenItShowsWhatAFreshPageShows()
    {
        var owner = await NewPersonAsync();
        await owner.SetUpWorkspaceAsync(People.Owner);
        var link = await owner.CreateInviteLinkAsync();
        var ben = await NewPersonAsync();
        // Offline as SetOfflineAsync makes it, plus the open WebSocket dropped, which SetOfflineAsync alone leaves up.
        var bensNetwork = await Network.RouteAsync(ben.Context);
        await ben.JoinByInviteAsync(link, People.Member);

        await owner.PostAsync("general", "one: the plan");
        await owner.PostAsync("general", "two: a typo");
        await owner.PostAsync("general", "three: lunch");
        await Expect(ben.Articles()).ToHaveCountAsync(3);

        await bensNetwork.GoOfflineAsync();
        // The page knows it has lost the server.
        await Expect(ben.Locator("html[data-circuit=\"reconnecting\"]")).ToBeAttachedAsync();

        await owner.PostAsync("general", "four: while Ben was away");
        await owner.PostAsync("general", "five: also while away");
        var editBox = await owner.Article(1).OpenEditorAsync();
        await editBox.FillAsync("one: the revised plan");
        await editBox.PressAsync("Enter");
        await Expect(owner.Article(1).Body()).ToContainTextAsync("(edited)");
        await owner.Article(2).ClickMessageActionAsync("Delete");
        await owner.DialogNamed("Delete message").GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Expect(owner.Article(2)).ToHaveCountAsync(0);

        await bensNetwork.GoOnlineAsync();

        // Back online, the page catches up by itself (reconnecting, or reloading when the server forgot it).
        await ben.WaitForCircuitAsync();
        await Expect(ben.Articles()).ToHaveCountAsync(4);
        await Expect(ben.Articles()).ToContainTextAsync(["one: the revised plan", "three: lunch", "four: while Ben was away", "five: also while away"]);
        await Expect(ben.Article(1).Body()).ToContainTextAsync("(edited)");
        await Expect(ben.Article(2)).ToHaveCountAsync(0);
        var caughtUp = await ben.MessageSnapshotAsync();
        await Screenshots.SaveAsync(ben, "offline-caught-up");

        await ben.ReloadAsync();
        await ben.ExpectAtChannelAsync("general");
        await Expect(ben.Articles()).ToHaveCountAsync(4);
        Assert.Equal(await ben.MessageSnapshotAsync(), caughtUp);
    }
}
