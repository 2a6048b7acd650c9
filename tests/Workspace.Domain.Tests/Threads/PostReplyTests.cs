using Microsoft.Extensions.Time.Testing;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Messages;
using Workspace.Domain.Realtime;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Threads;

public sealed class PostReplyTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenRepliesArePosted_NumbersThemGaplessAndCountsThemOnTheRoot(string provider)
    {
        var clock = new FakeTimeProvider(Start);
        await using var workspace = await TestWorkspace.CreateAsync(provider, clock: clock);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var general = await workspace.GeneralIdAsync();
        var root = await workspace.PostAsync(workspace.OwnerId, general, "lunch?");

        var replies = new List<MessageView>();
        foreach (var (author, text) in new[] { (ann, "yes"), (ben, "no"), (ann, "pizza") })
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            replies.Add(await workspace.ReplyAsync(author, root, text));
        }

        Assert.Equal([(root.Id, 1L, 1L, true), (root.Id, 1L, 2L, true), (root.Id, 1L, 3L, true)],
            replies.Select(r => (r.ThreadRootId!.Value, r.Seq, r.ReplySeq, r.ThreadOnly)));
        var stored = await workspace.StoredAsync(root.Id);
        Assert.Equal((3, 3L, (DateTimeOffset?)Start.AddMinutes(3), 0L, (Guid?)null),
            (stored.ReplyCount, stored.LastReplySeq, stored.LastReplyAt, stored.ReplySeq, stored.ThreadRootId));
        var thread = await workspace.ThreadAsync(ben, root);
        Assert.Equal((3, "Ann, Ben"), (thread.Root.ReplyCount, string.Join(", ", thread.Root.Repliers)));
        Assert.Equal(["1 Ann: yes", "2 Ben: no", "3 Ann: pizza"], thread.Replies.Select(r => $"{r.ReplySeq} {r.AuthorName}: {r.Text}"));
        var page = await workspace.Send.Send(new GetChannelMessages(ben, general), Cancel);
        var shown = Assert.Single(page.Messages);
        Assert.Equal((root.Id, 3, (DateTimeOffset?)Start.AddMinutes(3), "Ann, Ben"), (shown.Id, shown.ReplyCount, shown.LastReplyAt, string.Join(", ", shown.Repliers)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenReplyIsThreadOnly_LeavesTheChannelsSeqAndEveryonesUnreadAlone(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var general = await workspace.GeneralIdAsync();
        var root = await workspace.PostAsync(workspace.OwnerId, general, "lunch?");

        await workspace.ReplyAsync(ann, root, "yes");

        Assert.Equal(1L, (await workspace.CountersAsync(general)).LastSeq);
        Assert.Equal((1L, 1L, 0L), (await workspace.UnreadInAsync(ben, general), await workspace.UnreadInAsync(ann, general),
            await workspace.UnreadInAsync(workspace.OwnerId, general)));
        var page = await workspace.Send.Send(new GetChannelMessages(ben, general), Cancel);
        Assert.Equal([(1L, "lunch?")], page.Messages.Select(m => (m.Seq, m.Text)));
        var after = await workspace.Send.Send(new GetChannelMessages(ben, general, After: 0), Cancel);
        Assert.Equal([(1L, "lunch?")], after.Messages.Select(m => (m.Seq, m.Text)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenReplyIsAlsoSentToTheChannel_TakesANewSeqAndCountsAsUnread(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var general = await workspace.GeneralIdAsync();
        var root = await workspace.PostAsync(workspace.OwnerId, general, "lunch?");
        await workspace.ReplyAsync(ann, root, "yes");

        var sent = await workspace.ReplyAsync(ann, root, "everyone: pizza", alsoSendToChannel: true);

        Assert.Equal((2L, 2L, false, (Guid?)root.Id), (sent.Seq, sent.ReplySeq, sent.ThreadOnly, sent.ThreadRootId));
        Assert.Equal((2L, 5L), await workspace.CountersAsync(general));
        var page = await workspace.Send.Send(new GetChannelMessages(ben, general), Cancel);
        Assert.Equal([(1L, 0L, "lunch?"), (2L, 2L, "everyone: pizza")], page.Messages.Select(m => (m.Seq, m.ReplySeq, m.Text)));
        Assert.Equal(2L, await workspace.UnreadInAsync(ben, general));
        // Sending to the channel reads it up to there for the sender, like any post.
        Assert.Equal(0L, await workspace.UnreadInAsync(ann, general));
        var thread = await workspace.ThreadAsync(ben, root);
        Assert.Equal([(1L, "yes"), (2L, "everyone: pizza")], thread.Replies.Select(r => (r.ReplySeq, r.Text)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task GetSidebar_WhenAThreadOnlyReplyIsDeleted_StillCountsTheUnreadRoot(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var general = await workspace.GeneralIdAsync();
        var root = await workspace.PostAsync(workspace.OwnerId, general, "lunch?");
        var reply = await workspace.ReplyAsync(ann, root, "yes");

        await workspace.Send.Send(new DeleteMessage(ann, reply.Id), Cancel);

        // The root (seq 1) is unread and not deleted; only a reply that shares its seq is.
        var row = (await workspace.Send.Send(new GetSidebar(ben), Cancel)).Single(c => c.Id == general);
        Assert.Equal((1L, 0L, 1L), (row.LastSeq, row.LastReadSeq, row.Unread));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenTheRootSeqIsNotAThreadsFirstMessage_IsNotFoundAndTakesNoSeq(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var general = await workspace.GeneralIdAsync();
        var root = await workspace.PostAsync(workspace.OwnerId, general, "lunch?");
        var sentReply = await workspace.ReplyAsync(ann, root, "yes", alsoSendToChannel: true);
        var doomed = await workspace.PostAsync(workspace.OwnerId, general, "regrettable");
        await workspace.Send.Send(new DeleteMessage(workspace.OwnerId, doomed.Id), Cancel);
        var before = await workspace.CountersAsync(general);

        foreach (var rootSeq in new[] { sentReply.Seq, doomed.Seq, 99L })
            foreach (var alsoSend in new[] { false, true })
            {
                var refused = await Assert.ThrowsAsync<NotFoundException>(async () =>
                    await workspace.Send.Send(new PostMessage(ann, general, "lost", Guid.NewGuid(), rootSeq, alsoSend), Cancel));
                Assert.Equal(Message.NotFound, refused.Message);
            }

        Assert.Equal((3L, 5L), before);
        Assert.Equal(before, await workspace.CountersAsync(general));
        var stored = await workspace.StoredAsync(root.Id);
        Assert.Equal((1, 1L), (stored.ReplyCount, stored.LastReplySeq));
        Assert.Equal((0, 0L), ((await workspace.StoredAsync(doomed.Id)).ReplyCount, (await workspace.StoredAsync(sentReply.Id)).LastReplySeq));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenReplyingInAPrivateChannelTheActorIsNotIn_ReadsLikeAnUnknownChannel(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var secret = await workspace.Send.Send(new CreateChannel(ann, "secret", IsPrivate: true), Cancel);
        var root = await workspace.PostAsync(ann, secret.Id, "just us");

        var forPrivate = await Outcomes.OfAsync(async () =>
            await workspace.Send.Send(new PostMessage(ben, secret.Id, "let me in", Guid.NewGuid(), root.Seq), Cancel));
        var forUnknown = await Outcomes.OfAsync(async () =>
            await workspace.Send.Send(new PostMessage(ben, Guid.NewGuid(), "let me in", Guid.NewGuid(), root.Seq), Cancel));

        Assert.Equal($"NotFoundException: {ChannelAccess.NotFound}", forPrivate);
        Assert.Equal(forUnknown, forPrivate);
        Assert.Equal((0, (1L, 1L)), ((await workspace.StoredAsync(root.Id)).ReplyCount, await workspace.CountersAsync(secret.Id)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task PostMessage_WhenReplying_TakesTwoChangeSeqsReplyFirstThenRoot(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var general = await workspace.GeneralIdAsync();
        var root = await workspace.PostAsync(workspace.OwnerId, general, "lunch?");
        var prior = await workspace.ChangeSeqAsync(general);
        using var channelEvents = new EventRecorder(workspace.Events, ChatEvent.ChannelStream(general));

        var reply = await workspace.ReplyAsync(ann, root, "yes");

        Assert.Equal((1L, prior + 1, prior + 2), (prior, reply.ChangeSeq, await workspace.ChangeSeqAsync(general)));
        await channelEvents.WaitForAsync<MessageChanged>();
        var messageEvents = channelEvents.Received.Where(e => e is MessagePosted or MessageChanged).Select(e => e switch
        {
            MessagePosted p => ("posted", p.Message.Id, p.Message.ChangeSeq, p.Message.ReplyCount),
            MessageChanged c => ("changed", c.Message.Id, c.Message.ChangeSeq, c.Message.ReplyCount),
            _ => throw new InvalidOperationException(),
        });
        Assert.Equal([("posted", reply.Id, 2L, 0), ("changed", root.Id, 3L, 1)], messageEvents);
        // A thread-only reply reads nothing in the channel, so it must not say the replier read it.
        Assert.DoesNotContain(channelEvents.Received, e => e is ChannelRead);
        var changes = await workspace.Send.Send(new GetChannelChanges(ben, general, prior), Cancel);
        Assert.Equal((true, 3L), (changes.Complete, changes.ChangeSeq));
        // Both changes come back; in what order is left to the view, which applies each by change seq.
        var caughtUp = changes.Messages.OrderBy(m => m.ChangeSeq).ToList();
        Assert.Equal([(reply.Id, 2L, 1L, 1L, 0), (root.Id, 3L, 0L, 1L, 1)], caughtUp.Select(m => (m.Id, m.ChangeSeq, m.ReplySeq, m.Seq, m.ReplyCount)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task DeleteMessage_WhenAReplyIsDeleted_UncountsItOnTheRootAndTellsViewsOfBoth(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann");
        var ben = await workspace.AddMemberAsync("Ben");
        var general = await workspace.GeneralIdAsync();
        var root = await workspace.PostAsync(workspace.OwnerId, general, "lunch?");
        var first = await workspace.ReplyAsync(ann, root, "yes");
        await workspace.ReplyAsync(ben, root, "no");
        using var channelEvents = new EventRecorder(workspace.Events, ChatEvent.ChannelStream(general));

        await workspace.Send.Send(new DeleteMessage(ann, first.Id), Cancel);

        await channelEvents.WaitForAsync<MessageChanged>(c => c.Message.Id == root.Id);
        Assert.Equal([(first.Id, true, 6L, 0), (root.Id, false, 7L, 1)],
            channelEvents.Received.OfType<MessageChanged>().Select(c => (c.Message.Id, c.Message.Deleted, c.Message.ChangeSeq, c.Message.ReplyCount)));
        Assert.Equal(["Ben"], channelEvents.Received.OfType<MessageChanged>().Last().Message.Repliers);
        var stored = await workspace.StoredAsync(root.Id);
        // The thread keeps numbering after the deleted reply: positions are never reused.
        Assert.Equal((1, 2L), (stored.ReplyCount, stored.LastReplySeq));
        var next = await workspace.ReplyAsync(ann, root, "actually yes");
        Assert.Equal(3L, next.ReplySeq);
        Assert.Equal(7L + 2, await workspace.ChangeSeqAsync(general));
    }
}
