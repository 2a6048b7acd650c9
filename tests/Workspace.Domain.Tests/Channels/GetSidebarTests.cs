using Workspace.Domain.Channels;
using Workspace.Domain.Admin;
using Workspace.Domain.Common;
using Workspace.Domain.DirectMessages;
using Workspace.Domain.Messages;
using Workspace.Domain.Profiles;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Channels;

public sealed class GetSidebarTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetSidebar_WhenChannelsExist_ListsOnlyTheActorsChannelsByName(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        await workspace.Send.Send(new CreateChannel(ann, "zeta", IsPrivate: false), Cancel);
        await workspace.Send.Send(new CreateChannel(ann, "secret", IsPrivate: true), Cancel);
        var alpha = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "alpha", IsPrivate: false), Cancel);

        Assert.Equal([("general", false), ("secret", true), ("zeta", false)],
            (await workspace.Send.Send(new GetSidebar(ann), Cancel)).Select(c => (c.Name, c.IsPrivate)));
        Assert.Equal(["general"], (await workspace.Send.Send(new GetSidebar(ben), Cancel)).Select(c => c.Name));
        Assert.Equal(["alpha", "general"], (await workspace.Send.Send(new GetSidebar(workspace.OwnerId), Cancel)).Select(c => c.Name));

        await workspace.Send.Send(new JoinChannel(ben, alpha.Id), Cancel);
        Assert.Equal(["alpha", "general"], (await workspace.Send.Send(new GetSidebar(ben), Cancel)).Select(c => c.Name));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await workspace.Send.Send(new GetSidebar(Guid.NewGuid()), Cancel));
    }

    /// <summary>
    /// On SQLite the second and later asks are answered from memory (SidebarCache), and the test workspace compares each
    /// such answer with the database's: every step here is a change made after the sidebar was last read.
    /// </summary>
    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetSidebar_AfterEachKindOfChange_ShowsIt(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var plans = await workspace.Send.Send(new CreateChannel(ben, "plans", IsPrivate: false), Cancel);
        await workspace.Send.Send(new JoinChannel(ann, plans.Id), Cancel);
        async Task<SidebarChannel> Plans() =>
            Assert.Single(await workspace.Send.Send(new GetSidebar(ann), Cancel), c => c.Id == plans.Id);
        ValueTask<PostedMessage> Post(string text) =>
            workspace.Send.Send(new PostMessage(ben, plans.Id, text, Guid.NewGuid()), Cancel);

        Assert.Equal((0, 0), ((await Plans()).Unread, (await Plans()).Mentions));
        var first = await Post("Kick-off at ten");
        await Post("Agenda to follow");
        Assert.Equal((2, 0), ((await Plans()).Unread, (await Plans()).Mentions));

        await workspace.Send.Send(new EditMessage(ben, first.Message.Id, "Kick-off at ten, @ann"), Cancel);
        Assert.Equal((2, 1), ((await Plans()).Unread, (await Plans()).Mentions));
        await workspace.Send.Send(new EditMessage(ben, first.Message.Id, "Kick-off at ten"), Cancel);
        Assert.Equal((2, 0), ((await Plans()).Unread, (await Plans()).Mentions));
        await workspace.Send.Send(new DeleteMessage(ben, first.Message.Id), Cancel);
        Assert.Equal(1, (await Plans()).Unread);

        await workspace.Send.Send(new RenameChannel(ben, plans.Id, "roadmap"), Cancel);
        Assert.Equal("roadmap", (await Plans()).Name);
        await workspace.Send.Send(new MakeChannelPrivate(workspace.OwnerId, plans.Id), Cancel);
        Assert.True((await Plans()).IsPrivate);
        await workspace.Send.Send(new ArchiveChannel(workspace.OwnerId, plans.Id), Cancel);
        Assert.DoesNotContain(await workspace.Send.Send(new GetSidebar(ann), Cancel), c => c.Id == plans.Id);

        var conversation = await workspace.Send.Send(new OpenDirectConversation(ann, ["ben"]), Cancel);
        async Task<string> Titled() => Assert.Single(Assert.Single(
            await workspace.Send.Send(new GetSidebar(ann), Cancel), c => c.Id == conversation.Id).Others).DisplayName;
        Assert.Equal("Ben", await Titled());
        await workspace.Send.Send(new UpdateProfile(ben, "Benjamin", "ben", null), Cancel);
        Assert.Equal("Benjamin", await Titled());
    }
}
