using Microsoft.Extensions.DependencyInjection;
using Workspace.Domain.Channels;
using Workspace.Domain.Members;
using Workspace.Domain.Messages;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Setup;
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
        var sender = Server.Services.GetRequiredService<Sender>();
        var ct = TestContext.Current.CancellationToken;
        var ownerId = await sender.Send(new SetUpWorkspace(People.WorkspaceName, People.Owner.Name, People.Owner.Email, People.Owner.Password), ct);
        var invite = await sender.Send(new CreateInvite(ownerId), ct);
        var benId = await sender.Send(new AcceptInvite(invite.Token, People.Member.Name, People.Member.Email, People.Member.Password), ct);
        var plans = await sender.Send(new CreateChannel(ownerId, "plans", IsPrivate: false), ct);
        await sender.Send(new JoinChannel(benId, plans.Id), ct);
        Task Post(string text) => sender.Send(new PostMessage(ownerId, plans.Id, text, Guid.NewGuid()), ct).AsTask();

        var ben = await NewPersonAsync();
        await ben.GotoAsync("/login");
        await ben.SignInAsync(People.Member.Email, People.Member.Password);
        await ben.ExpectAtChannelAsync("general");
        await Expect(ben.ChannelLink("plans")).ToHaveAttributeAsync("data-unread", "0");

        await Post("The draft is up");
        await Post("@ben.member can you review it?");
        await sender.Send(new RenameChannel(ownerId, plans.Id, "roadmap"), ct);
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
