using Workspace.Domain.Channels;
using Workspace.Domain.Messages;
using Workspace.Domain.Realtime;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Channels;

public sealed class JoinChannelTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task JoinChannel_WhenChannelHasHistory_StartsWithItRead(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);
        for (var i = 0; i < 3; i++)
            await workspace.Send.Send(new PostMessage(workspace.OwnerId, random.Id, $"before {i}", Guid.NewGuid()), Cancel);
        using var annEvents = new EventRecorder(workspace.Events, ChatEvent.UserStream(ann));

        await workspace.Send.Send(new JoinChannel(ann, random.Id), Cancel);

        var row = Assert.Single(await workspace.Send.Send(new GetSidebar(ann), Cancel), c => c.Id == random.Id);
        Assert.Equal((3L, 3L, 0L), (row.LastSeq, row.LastReadSeq, row.Unread));
        Assert.Equal(new MembershipChanged(ann, random.Id, IsMember: true), await annEvents.WaitForAsync<MembershipChanged>());

        await workspace.Send.Send(new PostMessage(workspace.OwnerId, random.Id, "after", Guid.NewGuid()), Cancel);
        Assert.Equal(1, Assert.Single(await workspace.Send.Send(new GetSidebar(ann), Cancel), c => c.Id == random.Id).Unread);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task JoinChannel_WhenAlreadyAMember_ChangesNothing(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var random = await workspace.Send.Send(new CreateChannel(ann, "random", IsPrivate: false), Cancel);
        await workspace.Send.Send(new PostMessage(workspace.OwnerId, await workspace.GeneralIdAsync(), "x", Guid.NewGuid()), Cancel);
        using var annEvents = new EventRecorder(workspace.Events, ChatEvent.UserStream(ann));

        await workspace.Send.Send(new JoinChannel(ann, random.Id), Cancel);
        await workspace.Send.Send(new JoinChannel(ann, await workspace.GeneralIdAsync()), Cancel);

        Assert.Equal(1, (await workspace.Send.Send(new OpenChannel(ann, "random"), Cancel)).MemberCount);
        Assert.Equal(1, Assert.Single(await workspace.Send.Send(new GetSidebar(ann), Cancel), c => c.Name == "general").Unread);
        var marker = await workspace.Send.Send(new CreateChannel(ann, "marker", IsPrivate: false), Cancel);
        await annEvents.WaitForAsync<MembershipChanged>(e => e.ChannelId == marker.Id);
        Assert.Equal([new MembershipChanged(ann, marker.Id, IsMember: true)], annEvents.Received);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task JoinChannel_WhenSentFromSeveralTabsAtOnce_JoinsOnce(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            await workspace.Send.Send(new JoinChannel(ann, random.Id), Cancel), Cancel)));

        Assert.Equal(2, (await workspace.Send.Send(new OpenChannel(ann, "random"), Cancel)).MemberCount);
    }
}
