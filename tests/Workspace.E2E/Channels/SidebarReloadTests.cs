using Workspace.Domain.Channels;
using Workspace.Domain.Messages;
using Workspace.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.E2E.Channels;

/// <summary>
/// A page load asks for the sidebar again, which on SQLite is answered from memory while nothing in it changed
/// (SidebarCache): whatever others did in between shows as it is now.
/// </summary>
public sealed class SidebarReloadTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    [Fact]
    public async Task Reload_AfterOthersPostMentionAndRename_ShowsTheSidebarAsItIsNow()
    {
        var ct = TestContext.Current.CancellationToken;
        var ownerId = await SetUpThroughDomainAsync();
        var benId = await InviteMemberThroughDomainAsync(ownerId);
        var plans = await Domain.Send(new CreateChannel(ownerId, "plans", IsPrivate: false), ct);
        await Domain.Send(new JoinChannel(benId, plans.Id), ct);
        Task Post(string text) => Domain.Send(new PostMessage(ownerId, plans.Id, text, Guid.NewGuid()), ct).AsTask();

        var ben = await NewPersonAsync();
        await ben.GotoAsync("/login");
        await ben.SignInAsync(People.Member.Email, People.Member.Password);
        await ben.ExpectAtChannelAsync("general");
        await Expect(ben.ChannelLink("plans")).ToHaveAttributeAsync("data-unread", "0");

        await Post("The draft is up");
        await Post("@ben.member can you review it?");
        await Domain.Send(new RenameChannel(ownerId, plans.Id, "roadmap"), ct);
        await ben.ReloadAsync();
        await ben.ExpectAtChannelAsync("general");
        await Expect(ben.ChannelLink("roadmap")).ToHaveAttributeAsync("data-unread", "2");
        await Expect(ben.ChannelLink("roadmap")).ToHaveAttributeAsync("data-mentions", "1");
        await Expect(ben.ChannelLink("plans")).ToHaveCountAsync(0);

        // Nothing of Ben's changed since that load, so this one is answered from memory, with the post counted in.
        await Post("Thanks!");
        await ben.ReloadAsync();
        await ben.ExpectAtChannelAsync("general");
        await Expect(ben.ChannelLink("roadmap")).ToHaveAttributeAsync("data-unread", "3");
        await Expect(ben.ChannelLink("roadmap")).ToHaveAttributeAsync("data-mentions", "1");
        await Screenshots.SaveAsync(ben, "sidebar-after-reload");
    }
}
