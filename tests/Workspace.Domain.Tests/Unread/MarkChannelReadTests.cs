using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Channels;
using Workspace.Domain.Messages;
using Workspace.Domain.Realtime;
using Workspace.Domain.Tests.Support;
using Workspace.Domain.Unread;

namespace Workspace.Domain.Tests.Unread;

public sealed class MarkChannelReadTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task MarkChannelRead_WhenPointerMoves_PublishesChannelReadOnlyWhenItMoved(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var general = await workspace.GeneralIdAsync();
        for (var i = 0; i < 5; i++)
            await workspace.Send.Send(new PostMessage(workspace.OwnerId, general, $"m{i}", Guid.NewGuid()), Cancel);
        using var annEvents = new EventRecorder(workspace.Events, ChatEvent.UserStream(ann));

        Assert.Equal(2, await workspace.Send.Send(new MarkChannelRead(ann, general, 2), Cancel));
        Assert.Equal(2, await workspace.Send.Send(new MarkChannelRead(ann, general, 2), Cancel));
        Assert.Equal(2, await workspace.Send.Send(new MarkChannelRead(ann, general, 1), Cancel));
        Assert.Equal(4, await workspace.Send.Send(new MarkChannelRead(ann, general, 4), Cancel));

        Assert.Equal(1, Assert.Single(await workspace.Send.Send(new GetSidebar(ann), Cancel)).Unread);
        await annEvents.WaitForAsync<ChannelRead>(e => e.LastReadSeq == 4);
        Assert.Equal([new ChannelRead(ann, general, 2), new ChannelRead(ann, general, 4)], annEvents.Received);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task MarkChannelRead_WhenSeqIsPastTheNewestMessage_StopsAtTheChannelsLastSeq(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var general = await workspace.GeneralIdAsync();
        for (var i = 0; i < 3; i++)
            await workspace.Send.Send(new PostMessage(workspace.OwnerId, general, $"m{i}", Guid.NewGuid()), Cancel);
        using var annEvents = new EventRecorder(workspace.Events, ChatEvent.UserStream(ann));

        var pointer = await workspace.Send.Send(new MarkChannelRead(ann, general, long.MaxValue), Cancel);

        Assert.Equal(3, pointer);
        Assert.Equal(new ChannelRead(ann, general, 3), await annEvents.WaitForAsync<ChannelRead>());
        await workspace.Send.Send(new PostMessage(workspace.OwnerId, general, "new", Guid.NewGuid()), Cancel);
        var row = Assert.Single(await workspace.Send.Send(new GetSidebar(ann), Cancel));
        Assert.Equal((4L, 3L, 1L), (row.LastSeq, row.LastReadSeq, row.Unread));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task MarkChannelRead_WhenActorIsNotAMember_ChangesNothing(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);
        await workspace.Send.Send(new PostMessage(workspace.OwnerId, random.Id, "m", Guid.NewGuid()), Cancel);

        Assert.Equal(0, await workspace.Send.Send(new MarkChannelRead(ann, random.Id, 1), Cancel));

        Assert.Equal(0, await workspace.QueryDbAsync(db => db.Memberships.CountAsync(m => m.UserId == ann && m.ChannelId == random.Id, Cancel)));
    }
}
