using Workspace.Domain.Admin;
using Workspace.Domain.Audit;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Messages;
using Workspace.Domain.Realtime;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Admin;

public sealed class MakeChannelPrivateTests
{
    private const string NotFound = "NotFoundException: This channel does not exist or you do not have access to it.";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task MakeChannelPrivate_WhenPublic_OnlyItsMembersSeeItFromThenOn(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var plans = await workspace.Send.Send(new CreateChannel(ann, "plans", IsPrivate: false), Cancel);
        await workspace.PostAsync(ann, plans.Id, "the plan");
        Assert.Equal("allowed", await Outcomes.OfAsync(async () => await workspace.Send.Send(new GetChannelMessages(ben, plans.Id), Cancel)));
        using var channel = new EventRecorder(workspace.Events, ChatEvent.ChannelStream(plans.Id));

        await workspace.Send.Send(new MakeChannelPrivate(workspace.OwnerId, plans.Id), Cancel);

        Assert.Equal(new ChannelUpdated(plans.Id, "plans", "", IsPrivate: true, IsArchived: false), await channel.WaitForAsync<ChannelUpdated>());
        Assert.Equal(NotFound, await Outcomes.OfAsync(async () => await workspace.Send.Send(new GetChannelMessages(ben, plans.Id), Cancel)));
        Assert.Equal(NotFound, await Outcomes.OfAsync(async () => await workspace.Send.Send(new JoinChannel(ben, plans.Id), Cancel)));
        Assert.True((await workspace.Send.Send(new OpenChannel(ann, "plans"), Cancel)).IsPrivate);
        Assert.Single((await workspace.Send.Send(new GetAuditLog(workspace.OwnerId, Action: AuditActions.ChannelMadePrivate), Cancel)).Entries);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task MakeChannelPrivate_WhenGeneralOrAlreadyPrivate_RefusesWithAReason(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var secret = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "secret", IsPrivate: true), Cancel);
        var general = await workspace.GeneralIdAsync();

        var forGeneral = await Outcomes.OfAsync(async () => await workspace.Send.Send(new MakeChannelPrivate(workspace.OwnerId, general), Cancel));
        var forPrivate = await Outcomes.OfAsync(async () => await workspace.Send.Send(new MakeChannelPrivate(workspace.OwnerId, secret.Id), Cancel));

        Assert.Equal("DomainException: #general stays public: everyone is in it.", forGeneral);
        Assert.Equal("DomainException: #secret is already private.", forPrivate);
        Assert.False((await workspace.Send.Send(new OpenChannel(workspace.OwnerId, "general"), Cancel)).IsPrivate);
        Assert.Empty((await workspace.Send.Send(new GetAuditLog(workspace.OwnerId, Action: AuditActions.ChannelMadePrivate), Cancel)).Entries);
    }
}
