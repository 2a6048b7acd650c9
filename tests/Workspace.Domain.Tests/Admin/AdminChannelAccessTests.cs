using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Admin;
using Workspace.Domain.Audit;
using Workspace.Domain.Channels;
using Workspace.Domain.DirectMessages;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Admin;

public sealed class AdminChannelAccessTests
{
    private const string AdminsOnly = "ForbiddenException: Only admins can do that.";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task EveryAdminChannelUseCase_WhenActorIsAMember_IsForbiddenAndChangesNothing(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        // Ann created #plans and is in it: even a channel's own creator does not manage it from the admin pages.
        var plans = await workspace.Send.Send(new CreateChannel(ann, "plans", IsPrivate: false), Cancel);
        await workspace.Send.Send(new JoinChannel(ben, plans.Id), Cancel);
        var before = await StateAsync(workspace, plans.Id);

        var outcomes = new List<(string, string)>();
        async Task Check(string useCase, Func<Task> attempt) => outcomes.Add((useCase, await Outcomes.OfAsync(attempt)));
        await Check(nameof(GetAdminChannels), async () => await workspace.Send.Send(new GetAdminChannels(ann), Cancel));
        await Check(nameof(GetAdminChannelMembers), async () => await workspace.Send.Send(new GetAdminChannelMembers(ann, plans.Id), Cancel));
        await Check(nameof(ArchiveChannel), async () => await workspace.Send.Send(new ArchiveChannel(ann, plans.Id), Cancel));
        await Check(nameof(UnarchiveChannel), async () => await workspace.Send.Send(new UnarchiveChannel(ann, plans.Id), Cancel));
        await Check(nameof(MakeChannelPrivate), async () => await workspace.Send.Send(new MakeChannelPrivate(ann, plans.Id), Cancel));
        await Check(nameof(DeleteChannel), async () => await workspace.Send.Send(new DeleteChannel(ann, plans.Id, "plans"), Cancel));
        await Check(nameof(AdminAddChannelMember), async () => await workspace.Send.Send(new AdminAddChannelMember(ann, plans.Id, "olivia"), Cancel));
        await Check(nameof(RemoveChannelMember), async () => await workspace.Send.Send(new RemoveChannelMember(ann, plans.Id, ben), Cancel));

        Assert.All(outcomes, o => Assert.Equal((o.Item1, AdminsOnly), o));
        Assert.Equal(before, await StateAsync(workspace, plans.Id));
        Assert.Empty((await workspace.Send.Send(new GetAuditLog(workspace.OwnerId, Search: "#plans"), Cancel)).Entries);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task AdminChannelUseCases_WhenChannelIsADirectConversation_ReadAsNoSuchChannel(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var direct = await workspace.Send.Send(new OpenDirectConversation(ann, ["ben"]), Cancel);
        const string notFound = "NotFoundException: " + "This channel does not exist or you do not have access to it.";
        var owner = workspace.OwnerId;

        Assert.Equal(notFound, await Outcomes.OfAsync(async () => await workspace.Send.Send(new GetAdminChannelMembers(owner, direct.Id), Cancel)));
        Assert.Equal(notFound, await Outcomes.OfAsync(async () => await workspace.Send.Send(new ArchiveChannel(owner, direct.Id), Cancel)));
        Assert.Equal(notFound, await Outcomes.OfAsync(async () => await workspace.Send.Send(new DeleteChannel(owner, direct.Id, direct.Name), Cancel)));
        Assert.Equal(notFound, await Outcomes.OfAsync(async () => await workspace.Send.Send(new RemoveChannelMember(owner, direct.Id, ben), Cancel)));
        Assert.Equal(notFound, await Outcomes.OfAsync(async () => await workspace.Send.Send(new AdminAddChannelMember(owner, direct.Id, "olivia"), Cancel)));
        Assert.DoesNotContain(direct.Id, (await workspace.Send.Send(new GetAdminChannels(owner), Cancel)).Channels.Select(c => c.Id));
        Assert.Equal(2, await workspace.QueryDbAsync(db => db.Memberships.CountAsync(m => m.ChannelId == direct.Id, Cancel)));
    }

    private static Task<string> StateAsync(TestWorkspace workspace, Guid channelId) =>
        workspace.QueryDbAsync(async db =>
        {
            var channel = await db.Channels.AsNoTracking().SingleAsync(c => c.Id == channelId, Cancel);
            var members = await db.Memberships.Where(m => m.ChannelId == channelId).Select(m => m.UserId).OrderBy(id => id).ToListAsync(Cancel);
            return $"{channel.Name} {channel.Kind} archived={channel.IsArchived} members={string.Join(",", members)}";
        });
}
