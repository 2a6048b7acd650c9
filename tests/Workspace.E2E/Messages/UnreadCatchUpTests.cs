using Microsoft.Playwright;
using Workspace.Domain.Channels;
using Workspace.Domain.Messages;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Messages;

public sealed class UnreadCatchUpTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    [Fact]
    public async Task OpenChannel_WithMoreUnreadThanOnePage_StartsAtTheFirstUnreadMessage()
    {
        var ct = TestContext.Current.CancellationToken;
        var ownerId = await SetUpThroughDomainAsync();
        var general = (await Domain.Send(new GetSidebar(ownerId), ct)).Single();
        for (var i = 1; i <= 5; i++)
            await Domain.Send(new PostMessage(ownerId, general.Id, $"before Ben {i}", Guid.NewGuid()), ct);
        await InviteMemberThroughDomainAsync(ownerId);
        for (var i = 1; i <= 60; i++)
            await Domain.Send(new PostMessage(ownerId, general.Id, $"while Ben was away {i}", Guid.NewGuid()), ct);

        var ben = await NewPersonAsync();
        await ben.GotoAsync("/login");
        await ben.SignInAsync(People.Member.Email, People.Member.Password);
        await ben.ExpectAtChannelAsync("general");

        await Expect(ben.Article(65)).ToBeAttachedAsync();
        await Screenshots.SaveAsync(ben, "unread-catch-up");
        // Sixty unread and a page of fifty: the reader starts at the first one they missed, not somewhere after it.
        var separator = ben.MessageLog().GetByRole(AriaRole.Separator, new() { Name = "New messages", Exact = true });
        await Expect(separator).ToHaveCountAsync(1);
        await Expect(separator).ToBeInViewportAsync();
        await Expect(ben.Article(6)).ToBeVisibleAsync();
        await Expect(ben.Article(6)).ToContainTextAsync("while Ben was away 1");
    }
}
