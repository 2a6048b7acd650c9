using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Realtime;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Channels;

public sealed class LeaveChannelTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task LeaveChannel_WhenMemberLeaves_ChannelLeavesTheirSidebar(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var random = await workspace.Send.Send(new CreateChannel(ann, "random", IsPrivate: false), Cancel);
        using var annEvents = new EventRecorder(workspace.Events, ChatEvent.UserStream(ann));

        await workspace.Send.Send(new LeaveChannel(ann, random.Id), Cancel);

        Assert.Equal(["general"], (await workspace.Send.Send(new GetSidebar(ann), Cancel)).Select(c => c.Name));
        Assert.Equal(new MembershipChanged(ann, random.Id, IsMember: false), await annEvents.WaitForAsync<MembershipChanged>());
        var details = await workspace.Send.Send(new OpenChannel(ann, "random"), Cancel);
        Assert.Equal((false, 0), (details.IsMember, details.MemberCount));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task LeaveChannel_WhenChannelIsGeneral_Refuses(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");

        var refused = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new LeaveChannel(ann, await workspace.GeneralIdAsync()), Cancel));

        Assert.Equal("Everyone stays in #general.", refused.Message);
        Assert.Equal(["general"], (await workspace.Send.Send(new GetSidebar(ann), Cancel)).Select(c => c.Name));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task LeaveChannel_WhenNotAMemberOfAPublicChannel_IsForbidden(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);

        var refused = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await workspace.Send.Send(new LeaveChannel(ann, random.Id), Cancel));

        Assert.Equal("Join #random first.", refused.Message);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task LeaveChannel_WhenLastMemberLeavesAPrivateChannel_TheyCannotFindItAgain(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var secret = await workspace.Send.Send(new CreateChannel(ann, "secret", IsPrivate: true), Cancel);

        await workspace.Send.Send(new LeaveChannel(ann, secret.Id), Cancel);

        await Assert.ThrowsAsync<NotFoundException>(async () => await workspace.Send.Send(new JoinChannel(ann, secret.Id), Cancel));
        Assert.DoesNotContain(await workspace.Send.Send(new BrowseChannels(ann), Cancel), c => c.Id == secret.Id);
    }
}
