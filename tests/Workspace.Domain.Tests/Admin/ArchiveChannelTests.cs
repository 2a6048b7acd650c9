using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Admin;
using Workspace.Domain.Audit;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Messages;
using Workspace.Domain.Reactions;
using Workspace.Domain.Realtime;
using Workspace.Domain.Tests.Support;
using Workspace.Domain.Tests.Threads;

namespace Workspace.Domain.Tests.Admin;

public sealed class ArchiveChannelTests
{
    private const string Archived = "DomainException: #plans is archived.";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task ArchiveChannel_WhenArchived_RefusesEveryWriteButMembersStillReadIt(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var plans = await workspace.Send.Send(new CreateChannel(ann, "plans", IsPrivate: false), Cancel);
        var root = await workspace.PostAsync(ann, plans.Id, "the plan");
        var counters = await workspace.CountersAsync(plans.Id);

        await workspace.Send.Send(new ArchiveChannel(workspace.OwnerId, plans.Id), Cancel);

        var outcomes = new List<(string, string)>();
        async Task Check(string useCase, Func<Task> attempt) => outcomes.Add((useCase, await Outcomes.OfAsync(attempt)));
        await Check(nameof(PostMessage), () => workspace.PostAsync(ann, plans.Id, "more"));
        await Check("reply", () => workspace.ReplyAsync(ann, root, "a reply"));
        await Check(nameof(EditMessage), async () => await workspace.Send.Send(new EditMessage(ann, root.Id, "changed"), Cancel));
        await Check(nameof(DeleteMessage), async () => await workspace.Send.Send(new DeleteMessage(ann, root.Id), Cancel));
        await Check(nameof(ToggleReaction), async () => await workspace.Send.Send(new ToggleReaction(ann, root.Id, "👍"), Cancel));
        await Check(nameof(SetChannelTopic), async () => await workspace.Send.Send(new SetChannelTopic(ann, plans.Id, "new"), Cancel));
        await Check(nameof(RenameChannel), async () => await workspace.Send.Send(new RenameChannel(ann, plans.Id, "old-plans"), Cancel));
        await Check(nameof(JoinChannel), async () => await workspace.Send.Send(new JoinChannel(ben, plans.Id), Cancel));
        await Check(nameof(AddChannelMember), async () => await workspace.Send.Send(new AddChannelMember(ann, plans.Id, "ben"), Cancel));
        await Check(nameof(AdminAddChannelMember), async () => await workspace.Send.Send(new AdminAddChannelMember(workspace.OwnerId, plans.Id, "ben"), Cancel));

        Assert.All(outcomes, o => Assert.Equal((o.Item1, Archived), o));
        Assert.Equal(counters, await workspace.CountersAsync(plans.Id));
        var opened = await workspace.Send.Send(new OpenChannel(ann, "plans"), Cancel);
        Assert.True(opened.IsArchived);
        Assert.Equal(["the plan"], (await workspace.Send.Send(new GetChannelMessages(ann, plans.Id), Cancel)).Messages.Select(m => m.Text));
        Assert.Equal(["the plan"], (await workspace.Send.Send(new GetChannelMessages(ann, plans.Id, Around: root.Seq), Cancel)).Messages.Select(m => m.Text));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task ArchiveChannel_WhenArchived_LeavesSidebarsAndBrowsingAndTellsOpenPages(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var plans = await workspace.Send.Send(new CreateChannel(ann, "plans", IsPrivate: false), Cancel);
        using var channel = new EventRecorder(workspace.Events, ChatEvent.ChannelStream(plans.Id));

        await workspace.Send.Send(new ArchiveChannel(workspace.OwnerId, plans.Id), Cancel);

        Assert.Equal(new ChannelUpdated(plans.Id, "plans", "", IsPrivate: false, IsArchived: true), await channel.WaitForAsync<ChannelUpdated>());
        Assert.DoesNotContain("plans", (await workspace.Send.Send(new GetSidebar(ann), Cancel)).Select(c => c.Name));
        Assert.DoesNotContain("plans", (await workspace.Send.Send(new BrowseChannels(ann), Cancel)).Select(c => c.Name));
        var audit = (await workspace.Send.Send(new GetAuditLog(workspace.OwnerId, Action: AuditActions.ChannelArchived), Cancel)).Entries;
        Assert.Equal([("Olivia Owner (@olivia.owner)", "#plans")], audit.Select(e => (e.ActorName, e.Target)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task UnarchiveChannel_WhenArchived_WritesWorkAgainAndEachMemberIsTold(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var plans = await workspace.Send.Send(new CreateChannel(ann, "plans", IsPrivate: false), Cancel);
        await workspace.Send.Send(new ArchiveChannel(workspace.OwnerId, plans.Id), Cancel);
        using var annStream = new EventRecorder(workspace.Events, ChatEvent.UserStream(ann));

        await workspace.Send.Send(new UnarchiveChannel(workspace.OwnerId, plans.Id), Cancel);

        Assert.Equal(new ChannelUnarchived(ann, plans.Id), await annStream.WaitForAsync<ChannelUnarchived>());
        Assert.Contains("plans", (await workspace.Send.Send(new GetSidebar(ann), Cancel)).Select(c => c.Name));
        Assert.Equal("more", (await workspace.PostAsync(ann, plans.Id, "more")).Text);
        Assert.Single((await workspace.Send.Send(new GetAuditLog(workspace.OwnerId, Action: AuditActions.ChannelUnarchived), Cancel)).Entries);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task ArchiveChannel_WhenChannelIsGeneral_RefusesWithAReason(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await workspace.GeneralIdAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(async () =>
            await workspace.Send.Send(new ArchiveChannel(workspace.OwnerId, general), Cancel));

        Assert.Equal("#general can't be archived: it is where everyone meets.", refused.Message);
        Assert.False(await workspace.QueryDbAsync(db => db.Channels.Where(c => c.Id == general).Select(c => c.IsArchived).SingleAsync(Cancel)));
        Assert.Empty((await workspace.Send.Send(new GetAuditLog(workspace.OwnerId, Action: AuditActions.ChannelArchived), Cancel)).Entries);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task ArchiveChannel_WhenPrivateAndAdminIsNotInIt_Works(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var secret = await workspace.Send.Send(new CreateChannel(ann, "secret", IsPrivate: true), Cancel);

        await workspace.Send.Send(new ArchiveChannel(workspace.OwnerId, secret.Id), Cancel);

        Assert.True((await workspace.Send.Send(new OpenChannel(ann, "secret"), Cancel)).IsArchived);
    }
}
