using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Domain.Persistence;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Messages;

/// <summary>A deploy restarts the server under people's open pages.</summary>
public sealed class ServerRestartTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    [Fact]
    public async Task ChannelPage_WhenTheServerRestarts_CatchesUpKeepsTheUnsentTextAndPostsTheUnansweredSendOnce()
    {
        var owner = await NewPersonAsync();
        await owner.SetUpWorkspaceAsync(People.Owner);
        var link = await owner.CreateInviteLinkAsync();
        var ben = await NewPersonAsync();
        var bensNetwork = await Network.RouteAsync(ben.Context);
        await ben.JoinByInviteAsync(link, People.Member);
        await owner.PostAsync("general", "Deploying in a minute");
        await Expect(ben.Article(1)).ToContainTextAsync("Deploying in a minute");

        // Ben's send reaches the server and is stored, but the server goes down before Ben's page hears back.
        bensNetwork.LoseAnswers();
        var box = ben.MessageBox("general");
        await box.FillAsync("Sent just as the server went down");
        await box.PressAsync("Enter");
        await Expect(owner.Article(2)).ToContainTextAsync("Sent just as the server went down");
        await owner.PostAsync("general", "Ben can't see this one yet");
        await box.FillAsync("Half a thought, not sent");
        await Server.StopAsync();
        await Expect(ben.Locator("html[data-circuit=\"reconnecting\"]")).ToBeAttachedAsync();
        await bensNetwork.GoOnlineAsync();
        Server = await Server.StartAgainAsync();

        // The page gives up the circuit the new server never knew, reloads, catches up, and sends its unanswered
        // message again under the same id: it is stored once.
        await ben.WaitForCircuitAfterRestartAsync();
        await Expect(ben.Articles()).ToContainTextAsync(["Deploying in a minute", "Sent just as the server went down", "Ben can't see this one yet"]);
        await Expect(ben.MessageBox("general")).ToHaveValueAsync("Half a thought, not sent");
        await Expect(ben.PendingArticles()).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(ben, "after-server-restart");
        await ben.ReloadAsync();
        await ben.WaitForCircuitAsync();
        await Expect(ben.Articles()).ToHaveCountAsync(3);
        Assert.Equal(3, await CountMessagesAsync());
        await Expect(ben.MessageBox("general")).ToHaveValueAsync("Half a thought, not sent");
    }

    [Fact]
    public async Task ThreadReply_SentWhileTheServerCouldNotHearIt_IsSentAgainAfterTheRestartAndPostedOnce()
    {
        var owner = await NewPersonAsync();
        await owner.SetUpWorkspaceAsync(People.Owner);
        var link = await owner.CreateInviteLinkAsync();
        var ben = await NewPersonAsync();
        var bensNetwork = await Network.RouteAsync(ben.Context);
        await ben.JoinByInviteAsync(link, People.Member);
        await owner.PostAsync("general", "Who can review the release notes?");
        await ben.Article(1).ClickMessageActionAsync("Reply in thread");
        var reply = ben.ReplyBox();
        await Expect(reply).ToHaveAttributeAsync("data-ready", "true");

        bensNetwork.LoseRequests();
        await reply.FillAsync("Me, after lunch");
        await reply.PressAsync("Enter");
        await Expect(reply).ToHaveValueAsync("");
        await Server.StopAsync();
        await bensNetwork.GoOnlineAsync();
        Server = await Server.StartAgainAsync();

        await ben.WaitForCircuitAfterRestartAsync();
        await Expect(ben.RepliesLog().Locator("article")).ToContainTextAsync(["Me, after lunch"]);
        await Expect(owner.Article(1)).ToContainTextAsync("1 reply");
        await ben.ReloadAsync();
        await ben.WaitForCircuitAsync();
        await Expect(ben.RepliesLog().GetByText("Me, after lunch")).ToHaveCountAsync(1);
        Assert.Equal(2, await CountMessagesAsync());
    }

    private async Task<int> CountMessagesAsync()
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkspaceDb>().Messages.CountAsync(TestContext.Current.CancellationToken);
    }
}
