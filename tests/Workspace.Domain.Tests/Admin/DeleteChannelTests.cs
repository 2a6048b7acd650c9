using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Admin;
using Workspace.Domain.Audit;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Persistence;
using Workspace.Domain.Reactions;
using Workspace.Domain.Realtime;
using Workspace.Domain.Tests.Support;
using Workspace.Domain.Tests.Threads;

namespace Workspace.Domain.Tests.Admin;

public sealed class DeleteChannelTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task DeleteChannel_WhenNameIsConfirmed_RemovesEverythingOfItAndTellsEveryMember(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var secret = await workspace.Send.Send(new CreateChannel(ann, "secret", IsPrivate: true), Cancel);
        await workspace.Send.Send(new AddChannelMember(ann, secret.Id, "ben"), Cancel);
        var root = await workspace.PostAsync(ann, secret.Id, "hello @ben");
        await workspace.ReplyAsync(ben, root, "hi @ann");
        await workspace.Send.Send(new ToggleReaction(ben, root.Id, "👍"), Cancel);
        var general = await workspace.GeneralIdAsync();
        await workspace.PostAsync(ann, general, "kept @ben");
        var elsewhere = await CountsAsync(workspace, general);
        using var channel = new EventRecorder(workspace.Events, ChatEvent.ChannelStream(secret.Id));
        using var annStream = new EventRecorder(workspace.Events, ChatEvent.UserStream(ann));
        using var benStream = new EventRecorder(workspace.Events, ChatEvent.UserStream(ben));

        await workspace.Send.Send(new DeleteChannel(workspace.OwnerId, secret.Id, "secret"), Cancel);

        Assert.Equal(new ChannelDeleted(secret.Id), await channel.WaitForAsync<ChannelDeleted>());
        Assert.Equal(new MembershipChanged(ann, secret.Id, false), await annStream.WaitForAsync<MembershipChanged>());
        Assert.Equal(new MembershipChanged(ben, secret.Id, false), await benStream.WaitForAsync<MembershipChanged>());
        Assert.Equal("0 0 0 0 0 0", await CountsAsync(workspace, secret.Id));
        Assert.Equal(elsewhere, await CountsAsync(workspace, general));
        Assert.DoesNotContain(secret.Id, (await workspace.Send.Send(new GetSidebar(ann), Cancel)).Select(c => c.Id));
        var audit = Assert.Single((await workspace.Send.Send(new GetAuditLog(workspace.OwnerId, Action: AuditActions.ChannelDeleted), Cancel)).Entries);
        Assert.Equal(("#secret", "private, 2 members"), (audit.Target, audit.Detail));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task DeleteChannel_WhenTypedNameDiffersOrChannelIsGeneral_RefusesAndKeepsIt(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var plans = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "plans", IsPrivate: false), Cancel);
        await workspace.PostAsync(workspace.OwnerId, plans.Id, "keep me");
        var general = await workspace.GeneralIdAsync();
        var before = await CountsAsync(workspace, plans.Id);

        var wrongName = await Outcomes.OfAsync(async () => await workspace.Send.Send(new DeleteChannel(workspace.OwnerId, plans.Id, "plan"), Cancel));
        var noName = await Outcomes.OfAsync(async () => await workspace.Send.Send(new DeleteChannel(workspace.OwnerId, plans.Id, " "), Cancel));
        var forGeneral = await Outcomes.OfAsync(async () => await workspace.Send.Send(new DeleteChannel(workspace.OwnerId, general, "general"), Cancel));

        Assert.Equal("DomainException: Type the channel's name to confirm.", wrongName);
        Assert.Equal("InvalidInputException: Type the channel's name to confirm.", noName);
        Assert.Equal("DomainException: #general can't be deleted: it is where everyone meets.", forGeneral);
        Assert.Equal(before, await CountsAsync(workspace, plans.Id));
        Assert.Equal(2, await workspace.QueryDbAsync(db => db.Channels.CountAsync(c => c.Id == plans.Id || c.Id == general, Cancel)));
        Assert.Empty((await workspace.Send.Send(new GetAuditLog(workspace.OwnerId, Action: AuditActions.ChannelDeleted), Cancel)).Entries);
    }

    /// <summary>Rows of the channel: itself, memberships, messages, reactions on them, mentions, thread follows.</summary>
    private static Task<string> CountsAsync(TestWorkspace workspace, Guid channelId) =>
        workspace.QueryDbAsync(async db =>
        {
            var messageIds = db.Messages.Where(m => m.ChannelId == channelId).Select(m => m.Id);
            return string.Join(" ",
                await db.Channels.CountAsync(c => c.Id == channelId, Cancel),
                await db.Memberships.CountAsync(m => m.ChannelId == channelId, Cancel),
                await messageIds.CountAsync(Cancel),
                await db.Reactions.CountAsync(r => messageIds.Contains(r.MessageId), Cancel),
                await db.Mentions.CountAsync(m => m.ChannelId == channelId, Cancel),
                await db.ThreadFollows.CountAsync(f => f.ChannelId == channelId, Cancel));
        });
}
