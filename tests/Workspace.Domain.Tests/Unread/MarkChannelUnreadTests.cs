using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Messages;
using Workspace.Domain.Realtime;
using Workspace.Domain.Tests.Support;
using Workspace.Domain.Unread;

namespace Workspace.Domain.Tests.Unread;

public sealed class MarkChannelUnreadTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task MarkChannelUnread_WhenMemberMarksAMessage_MovesTheirPointerToJustBeforeIt(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var general = await workspace.GeneralIdAsync();
        for (var i = 1; i <= 5; i++)
            await workspace.PostAsync(workspace.OwnerId, general, $"m{i}");
        await workspace.Send.Send(new MarkChannelRead(ann, general, 5), Cancel);
        await workspace.Send.Send(new MarkChannelRead(ben, general, 4), Cancel);
        using var annEvents = new EventRecorder(workspace.Events, ChatEvent.UserStream(ann));
        using var benEvents = new EventRecorder(workspace.Events, ChatEvent.UserStream(ben));

        var back = await workspace.Send.Send(new MarkChannelUnread(ann, general, 3), Cancel);
        var forward = await workspace.Send.Send(new MarkChannelUnread(ann, general, 5), Cancel);
        var first = await workspace.Send.Send(new MarkChannelUnread(ann, general, 1), Cancel);

        Assert.Equal([2L, 4L, 0L], [back, forward, first]);
        var row = Assert.Single(await workspace.Send.Send(new GetSidebar(ann), Cancel));
        Assert.Equal((5L, 0L, 5L), (row.LastSeq, row.LastReadSeq, row.Unread));
        await annEvents.WaitForAsync<ChannelMarkedUnread>(e => e.LastReadSeq == 0);
        Assert.Equal(
            [new ChannelMarkedUnread(ann, general, 2), new ChannelMarkedUnread(ann, general, 4), new ChannelMarkedUnread(ann, general, 0)],
            annEvents.Received);
        var benRow = Assert.Single(await workspace.Send.Send(new GetSidebar(ben), Cancel));
        Assert.Equal((4L, 1L), (benRow.LastReadSeq, benRow.Unread));
        // Ben's stream got nothing: the marker below is the first event on it.
        await workspace.Send.Send(new MarkChannelRead(ben, general, 5), Cancel);
        Assert.Equal(new ChannelRead(ben, general, 5), await benEvents.WaitForAsync<ChannelRead>());
        Assert.Equal([new ChannelRead(ben, general, 5)], benEvents.Received);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task MarkChannelRead_AfterMarkChannelUnread_MovesThePointerForwardAgain(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var general = await workspace.GeneralIdAsync();
        for (var i = 1; i <= 4; i++)
            await workspace.PostAsync(workspace.OwnerId, general, $"m{i}");
        await workspace.Send.Send(new MarkChannelRead(ann, general, 4), Cancel);
        using var annEvents = new EventRecorder(workspace.Events, ChatEvent.UserStream(ann));

        Assert.Equal(1L, await workspace.Send.Send(new MarkChannelUnread(ann, general, 2), Cancel));
        Assert.Equal(3, Assert.Single(await workspace.Send.Send(new GetSidebar(ann), Cancel)).Unread);
        Assert.Equal(3L, await workspace.Send.Send(new MarkChannelRead(ann, general, 3), Cancel));
        Assert.Equal(4L, await workspace.Send.Send(new MarkChannelRead(ann, general, 4), Cancel));

        Assert.Equal(0, Assert.Single(await workspace.Send.Send(new GetSidebar(ann), Cancel)).Unread);
        await annEvents.WaitForAsync<ChannelRead>(e => e.LastReadSeq == 4);
        Assert.Equal(
            [new ChannelMarkedUnread(ann, general, 1), new ChannelRead(ann, general, 3), new ChannelRead(ann, general, 4)],
            annEvents.Received);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task MarkChannelUnread_WhenSeqIsNotAMessageOfTheChannel_IsNotFoundAndKeepsThePointer(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var general = await workspace.GeneralIdAsync();
        for (var i = 1; i <= 3; i++)
            await workspace.PostAsync(workspace.OwnerId, general, $"m{i}");
        await workspace.Send.Send(new MarkChannelRead(ann, general, 2), Cancel);
        using var annEvents = new EventRecorder(workspace.Events, ChatEvent.UserStream(ann));

        foreach (var seq in new[] { 0L, -1L, 4L, long.MaxValue })
        {
            var refused = await Assert.ThrowsAsync<NotFoundException>(async () =>
                await workspace.Send.Send(new MarkChannelUnread(ann, general, seq), Cancel));
            Assert.Equal(Message.NotFound, refused.Message);
        }

        Assert.Equal(2L, Assert.Single(await workspace.Send.Send(new GetSidebar(ann), Cancel)).LastReadSeq);
        await workspace.Send.Send(new MarkChannelRead(ann, general, 3), Cancel);
        await annEvents.WaitForAsync<ChannelRead>();
        Assert.Equal([new ChannelRead(ann, general, 3)], annEvents.Received);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task MarkChannelUnread_WhenActorIsNotAMember_IsForbiddenForPublicAndUnknownForPrivate(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var random = await workspace.Send.Send(new CreateChannel(ann, "random", IsPrivate: false), Cancel);
        var secret = await workspace.Send.Send(new CreateChannel(ann, "secret", IsPrivate: true), Cancel);
        await workspace.PostAsync(ann, random.Id, "public");
        await workspace.PostAsync(ann, secret.Id, "private");

        var forPublic = await Outcomes.OfAsync(async () => await workspace.Send.Send(new MarkChannelUnread(ben, random.Id, 1), Cancel));
        var forPrivate = await Outcomes.OfAsync(async () => await workspace.Send.Send(new MarkChannelUnread(ben, secret.Id, 1), Cancel));
        var forUnknown = await Outcomes.OfAsync(async () => await workspace.Send.Send(new MarkChannelUnread(ben, Guid.NewGuid(), 1), Cancel));

        Assert.Equal("ForbiddenException: Join #random first.", forPublic);
        Assert.Equal("NotFoundException: This channel does not exist or you do not have access to it.", forPrivate);
        Assert.Equal(forUnknown, forPrivate);
        Assert.Equal(0, await workspace.QueryDbAsync(db => db.Memberships.CountAsync(m => m.UserId == ben && (m.ChannelId == random.Id || m.ChannelId == secret.Id), Cancel)));
    }
}
