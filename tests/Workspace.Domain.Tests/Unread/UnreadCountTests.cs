using Workspace.Domain.Channels;
using Workspace.Domain.Messages;
using Workspace.Domain.Realtime;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Unread;

/// <summary>Sidebar badges: the channel's last seq minus the member's read pointer.</summary>
public sealed class UnreadCountTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetSidebar_WhenOthersPost_CountsTheirMessagesSinceTheMembersPointer(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var general = await workspace.GeneralIdAsync();
        var random = await workspace.Send.Send(new CreateChannel(ann, "random", IsPrivate: false), Cancel);
        await workspace.Send.Send(new JoinChannel(ben, random.Id), Cancel);

        for (var i = 0; i < 3; i++)
            await workspace.Send.Send(new PostMessage(workspace.OwnerId, general, $"owner {i}", Guid.NewGuid()), Cancel);
        await workspace.Send.Send(new PostMessage(ben, random.Id, "ben in random", Guid.NewGuid()), Cancel);

        Assert.Equal([("general", 3L), ("random", 1L)], await UnreadAsync(workspace, ann));
        Assert.Equal([("general", 3L), ("random", 0L)], await UnreadAsync(workspace, ben));
        Assert.Equal([("general", 0L)], await UnreadAsync(workspace, workspace.OwnerId));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenMemberPosts_MovesTheirOwnPointerSoTheirUnreadStaysZero(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var general = await workspace.GeneralIdAsync();
        using var annEvents = new EventRecorder(workspace.Events, ChatEvent.UserStream(ann));

        await workspace.Send.Send(new PostMessage(workspace.OwnerId, general, "one", Guid.NewGuid()), Cancel);
        await workspace.Send.Send(new PostMessage(workspace.OwnerId, general, "two", Guid.NewGuid()), Cancel);
        Assert.Equal([("general", 2L)], await UnreadAsync(workspace, ann));
        var posted = await workspace.Send.Send(new PostMessage(ann, general, "mine", Guid.NewGuid()), Cancel);

        var row = Assert.Single(await workspace.Send.Send(new GetSidebar(ann), Cancel));
        Assert.Equal((3L, 3L, 0L), (row.LastSeq, row.LastReadSeq, row.Unread));
        Assert.Equal(new ChannelRead(ann, general, posted.Message.Seq), await annEvents.WaitForAsync<ChannelRead>());
    }

    private static async Task<List<(string, long)>> UnreadAsync(TestWorkspace workspace, Guid member) =>
        [.. (await workspace.Send.Send(new GetSidebar(member), Cancel)).Select(c => (c.Name, c.Unread))];
}
