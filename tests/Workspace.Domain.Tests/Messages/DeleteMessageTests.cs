using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Messages;
using Workspace.Domain.Reactions;
using Workspace.Domain.Realtime;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Messages;

public sealed class DeleteMessageTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task DeleteMessage_WhenAuthorDeletes_LeavesATombstoneWithoutTextOrReactions(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var workspace = await TestWorkspace.CreateAsync(provider, clock: clock);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var general = await workspace.GeneralIdAsync();
        var original = await workspace.PostAsync(ann, general, "regrettable");
        var kept = await workspace.PostAsync(ben, general, "kept");
        await workspace.Send.Send(new ToggleReaction(ben, original.Id, "👍"), Cancel);
        await workspace.Send.Send(new ToggleReaction(workspace.OwnerId, original.Id, "🔥"), Cancel);
        await workspace.Send.Send(new ToggleReaction(ann, kept.Id, "👍"), Cancel);
        using var channelEvents = new EventRecorder(workspace.Events, ChatEvent.ChannelStream(general));
        clock.Advance(TimeSpan.FromMinutes(1));

        await workspace.Send.Send(new DeleteMessage(ann, original.Id), Cancel);

        var tombstone = original with { Text = "", Html = "", ChangeSeq = 6, Deleted = true };
        Assert.Equal(tombstone.Describe(), (await channelEvents.WaitForAsync<MessageChanged>()).Message.Describe());
        var stored = await workspace.StoredAsync(original.Id);
        Assert.Equal(("", "", 1L, 6L, clock.GetUtcNow(), (DateTimeOffset?)null), (stored.Text, stored.Html, stored.Seq, stored.ChangeSeq, stored.DeletedAt, stored.EditedAt));
        Assert.Equal(6L, await workspace.ChangeSeqAsync(general));
        var reactions = await workspace.QueryDbAsync(db => db.Reactions.Select(r => new { r.MessageId, r.Emoji, r.UserId }).ToListAsync(Cancel));
        var left = Assert.Single(reactions);
        Assert.Equal((kept.Id, "👍", ann), (left.MessageId, left.Emoji, left.UserId));
        var page = await workspace.Send.Send(new GetChannelMessages(ben, general), Cancel);
        Assert.Equal([tombstone.Describe(), (kept with { ChangeSeq = 5 }).Describe()], page.Messages.Select(m => (m with { Reactions = [] }).Describe()));
        Assert.Equal(["", "👍 Ann"], page.Messages.Select(m => m.ReactionsText()));
        Assert.Equal(2L, (await workspace.Send.Send(new OpenChannel(ben, Channel.General), Cancel)).LastSeq);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task DeleteMessage_WhenAnAdminDeletesSomeoneElsesMessage_Deletes(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var general = await workspace.GeneralIdAsync();
        var original = await workspace.PostAsync(ann, general, "spam");
        using var channelEvents = new EventRecorder(workspace.Events, ChatEvent.ChannelStream(general));

        await workspace.Send.Send(new DeleteMessage(workspace.OwnerId, original.Id), Cancel);

        var changed = await channelEvents.WaitForAsync<MessageChanged>();
        Assert.Equal((original.Id, ann, true, "", 2L), (changed.Message.Id, changed.Message.AuthorId, changed.Message.Deleted, changed.Message.Text, changed.Message.ChangeSeq));
        Assert.True((await workspace.StoredAsync(original.Id)).IsDeleted);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task DeleteMessage_WhenAnAdminHasNotJoinedThePublicChannel_StillDeletes(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var random = await workspace.Send.Send(new CreateChannel(ann, "random", IsPrivate: false), Cancel);
        var original = await workspace.PostAsync(ann, random.Id, "spam");

        await workspace.Send.Send(new DeleteMessage(workspace.OwnerId, original.Id), Cancel);

        Assert.Equal((true, 2L), ((await workspace.StoredAsync(original.Id)).IsDeleted, await workspace.ChangeSeqAsync(random.Id)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task DeleteMessage_WhenAPlainMemberDeletesSomeoneElsesMessage_IsForbiddenAndNothingChanges(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var general = await workspace.GeneralIdAsync();
        var original = await workspace.PostAsync(ann, general, "ann's");
        await workspace.Send.Send(new ToggleReaction(ann, original.Id, "👀"), Cancel);

        var refused = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await workspace.Send.Send(new DeleteMessage(ben, original.Id), Cancel));

        Assert.Equal("You can only delete your own messages.", refused.Message);
        var stored = await workspace.StoredAsync(original.Id);
        Assert.Equal(("ann's", false, 2L), (stored.Text, stored.IsDeleted, stored.ChangeSeq));
        Assert.Equal(2L, await workspace.ChangeSeqAsync(general));
        Assert.Equal(1, await workspace.QueryDbAsync(db => db.Reactions.CountAsync(Cancel)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task DeleteMessage_WhenAlreadyDeleted_IsNotFoundAndTakesNoSecondChangeSeq(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var general = await workspace.GeneralIdAsync();
        var original = await workspace.PostAsync(ann, general, "once");
        await workspace.Send.Send(new DeleteMessage(ann, original.Id), Cancel);

        var byAuthor = await Assert.ThrowsAsync<NotFoundException>(async () =>
            await workspace.Send.Send(new DeleteMessage(ann, original.Id), Cancel));
        var byAdmin = await Assert.ThrowsAsync<NotFoundException>(async () =>
            await workspace.Send.Send(new DeleteMessage(workspace.OwnerId, original.Id), Cancel));

        Assert.Equal([Message.NotFound, Message.NotFound], [byAuthor.Message, byAdmin.Message]);
        Assert.Equal((2L, 2L), ((await workspace.StoredAsync(original.Id)).ChangeSeq, await workspace.ChangeSeqAsync(general)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task DeleteMessage_WhenActorIsOutsideThePrivateChannel_ReadsExactlyLikeAnUnknownMessage(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var secret = await workspace.Send.Send(new CreateChannel(ann, "secret", IsPrivate: true), Cancel);
        var original = await workspace.PostAsync(ann, secret.Id, "just us");

        foreach (var outsider in new[] { ben, workspace.OwnerId })
        {
            var forPrivate = await Outcomes.OfAsync(async () => await workspace.Send.Send(new DeleteMessage(outsider, original.Id), Cancel));
            var forUnknown = await Outcomes.OfAsync(async () => await workspace.Send.Send(new DeleteMessage(outsider, Guid.NewGuid()), Cancel));

            Assert.Equal($"NotFoundException: {Message.NotFound}", forPrivate);
            Assert.Equal(forUnknown, forPrivate);
        }
        Assert.Equal((false, 1L), ((await workspace.StoredAsync(original.Id)).IsDeleted, await workspace.ChangeSeqAsync(secret.Id)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task DeleteMessage_WhenAuthorHasLeftThePublicChannel_IsForbidden(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);
        await workspace.Send.Send(new JoinChannel(ann, random.Id), Cancel);
        var original = await workspace.PostAsync(ann, random.Id, "before leaving");
        await workspace.Send.Send(new LeaveChannel(ann, random.Id), Cancel);

        var refused = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await workspace.Send.Send(new DeleteMessage(ann, original.Id), Cancel));

        Assert.Equal("Join #random first.", refused.Message);
        Assert.Equal((false, 1L), ((await workspace.StoredAsync(original.Id)).IsDeleted, await workspace.ChangeSeqAsync(random.Id)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetChannelMessages_WhenAMessageWasDeleted_StillPagesOverItsTombstone(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await workspace.GeneralIdAsync();
        for (var i = 1; i <= 5; i++)
            await workspace.PostAsync(workspace.OwnerId, general, $"m{i}");
        var third = await workspace.QueryDbAsync(db => db.Messages.Where(m => m.Seq == 3).Select(m => m.Id).SingleAsync(Cancel));
        await workspace.Send.Send(new DeleteMessage(workspace.OwnerId, third), Cancel);

        var newest = await workspace.Send.Send(new GetChannelMessages(workspace.OwnerId, general), Cancel);
        var before = await workspace.Send.Send(new GetChannelMessages(workspace.OwnerId, general, Before: 5, Limit: 2), Cancel);
        var after = await workspace.Send.Send(new GetChannelMessages(workspace.OwnerId, general, After: 2, Limit: 2), Cancel);
        var around = await workspace.Send.Send(new GetChannelMessages(workspace.OwnerId, general, Around: 3, Limit: 3), Cancel);

        Assert.Equal(["1 m1", "2 m2", "3 deleted", "4 m4", "5 m5"], newest.Messages.Select(Line));
        Assert.Equal(6L, newest.ChangeSeq);
        Assert.Equal(["3 deleted", "4 m4"], before.Messages.Select(Line));
        Assert.Equal((true, true), (before.HasOlder, before.HasNewer));
        Assert.Equal(["3 deleted", "4 m4"], after.Messages.Select(Line));
        Assert.Equal((true, true), (after.HasOlder, after.HasNewer));
        Assert.Equal(["2 m2", "3 deleted", "4 m4"], around.Messages.Select(Line));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetChannelChanges_AfterADelete_ReturnsTheTombstoneToAViewThatSawTheMessage(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var general = await workspace.GeneralIdAsync();
        var first = await workspace.PostAsync(ann, general, "first");
        var second = await workspace.PostAsync(ann, general, "second");
        var seen = await workspace.Send.Send(new GetChannelMessages(workspace.OwnerId, general), Cancel);

        await workspace.Send.Send(new DeleteMessage(ann, first.Id), Cancel);

        var changes = await workspace.Send.Send(new GetChannelChanges(workspace.OwnerId, general, seen.ChangeSeq), Cancel);
        Assert.Equal(2L, seen.ChangeSeq);
        Assert.Equal((3L, true), (changes.ChangeSeq, changes.Complete));
        Assert.Equal([(first with { Text = "", Html = "", ChangeSeq = 3, Deleted = true }).Describe()], changes.Messages.Select(m => m.Describe()));
        Assert.Equal([first.Id, second.Id],
            (await workspace.Send.Send(new GetChannelChanges(workspace.OwnerId, general, 0), Cancel)).Messages.OrderBy(m => m.Seq).Select(m => m.Id));
    }

    private static string Line(MessageView message) => $"{message.Seq} {(message.Deleted ? "deleted" : message.Text)}";
}
