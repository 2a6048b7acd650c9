using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Common;
using Workspace.Domain.Messages;
using Workspace.Domain.Reactions;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Messages;

/// <summary>
/// Posts, edits, reactions and deletes all take the channel's next change seq; views catch up by it, so it must
/// count each change that happened exactly once, and a message's final state must be what its changes say.
/// </summary>
public sealed class ConcurrentChangesTests
{
    private const int Rounds = 12;
    private static readonly string[] Emoji = ["👍", "🎉", "👀"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task MessageChanges_WhenFourPeoplePostEditReactAndDeleteAtOnce_ChangeSeqCountsEachChangeOnce(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var owner = workspace.OwnerId;
        Guid[] people = [owner, await workspace.AddMemberAsync("Ann"), await workspace.AddMemberAsync("Ben"), await workspace.AddMemberAsync("Cy")];
        var general = await workspace.GeneralIdAsync();
        var posted = new ConcurrentQueue<MessageView>();
        var changes = new ConcurrentQueue<Change>();

        await Parallel.ForEachAsync(Enumerable.Range(0, people.Length), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = Cancel }, async (p, ct) =>
        {
            var me = people[p];
            var random = new Random(p);
            var mine = new List<MessageView>();
            for (var round = 0; round < Rounds; round++)
            {
                var message = (await workspace.Send.Send(new PostMessage(me, general, $"{p}.{round}", Guid.NewGuid()), ct)).Message;
                mine.Add(message);
                posted.Enqueue(message);
                changes.Enqueue(new Change("post", message.Id, me, message.Text));

                for (var i = 0; i < 2; i++)
                {
                    var everything = posted.ToArray();
                    var target = everything[random.Next(everything.Length)].Id;
                    var emoji = Emoji[random.Next(Emoji.Length)];
                    if (await SucceedsAsync(() => workspace.Send.Send(new ToggleReaction(me, target, emoji), ct).AsTask()))
                        changes.Enqueue(new Change("react", target, me, emoji));
                }
                if (round % 2 == 1)
                {
                    var text = $"{mine[round - 1].Text} edited";
                    if (await SucceedsAsync(() => workspace.Send.Send(new EditMessage(me, mine[round - 1].Id, text), ct).AsTask()))
                        changes.Enqueue(new Change("edit", mine[round - 1].Id, me, text));
                }
                if (round % 3 == 2 && await SucceedsAsync(() => workspace.Send.Send(new DeleteMessage(me, mine[round - 2].Id), ct).AsTask()))
                    changes.Enqueue(new Change("delete", mine[round - 2].Id, me, ""));
                if (me == owner && round % 4 == 3 && posted.Where(m => m.AuthorId != owner).ToArray() is { Length: > 0 } others)
                {
                    // The admin deletes someone else's message, possibly while its author edits or deletes it.
                    var target = others[random.Next(others.Length)].Id;
                    if (await SucceedsAsync(() => workspace.Send.Send(new DeleteMessage(owner, target), ct).AsTask()))
                        changes.Enqueue(new Change("delete", target, owner, ""));
                }
            }
        });

        var channel = await workspace.QueryDbAsync(db => db.Channels.AsNoTracking().SingleAsync(c => c.Id == general, Cancel));
        Assert.Equal((long)people.Length * Rounds, channel.LastSeq);
        Assert.Equal(changes.Count, channel.ChangeSeq);
        var deletes = changes.Where(c => c.Kind == "delete").Select(c => c.MessageId).ToList();
        Assert.Equal(deletes.Distinct().Count(), deletes.Count);

        var caughtUp = await workspace.Send.Send(new GetChannelChanges(owner, general, AfterChangeSeq: 0), Cancel);
        Assert.Equal((true, channel.ChangeSeq), (caughtUp.Complete, caughtUp.ChangeSeq));
        Assert.Equal(posted.Select(m => m.Id).Order(), caughtUp.Messages.Select(m => m.Id).Order());
        var changeSeqs = caughtUp.Messages.Select(m => m.ChangeSeq).ToList();
        Assert.Equal(changeSeqs.Distinct().Count(), changeSeqs.Count);
        Assert.Equal(channel.ChangeSeq, changeSeqs.Max());

        foreach (var message in caughtUp.Messages)
        {
            var own = changes.Where(c => c.MessageId == message.Id).ToList();
            var original = own.Single(c => c.Kind == "post").Detail;
            var edit = own.SingleOrDefault(c => c.Kind == "edit")?.Detail;
            var expected = deletes.Contains(message.Id)
                ? "deleted:  |  | edited False | "
                : $"live: {edit ?? original} | {MarkdownRenderer.ToHtml(edit ?? original)} | edited {edit is not null} | " + string.Join(", ",
                    own.Where(c => c.Kind == "react")
                        .GroupBy(c => (c.Detail, c.ActorId))
                        .Where(g => g.Count() % 2 == 1)
                        .Select(g => $"{g.Key.Detail} {g.Key.ActorId}")
                        .Order());
            var actual = $"{(message.Deleted ? "deleted" : "live")}: {message.Text} | {message.Html} | edited {message.EditedAt is not null && !message.Deleted} | " +
                string.Join(", ", message.Reactions.SelectMany(r => r.UserIds.Select(u => $"{r.Emoji} {u}")).Order());
            Assert.Equal($"{original}: {expected}", $"{original}: {actual}");
        }

        var page = await workspace.Send.Send(new GetChannelMessages(owner, general, Limit: MessagePaging.MaxLimit), Cancel);
        Assert.Equal(caughtUp.Messages.OrderBy(m => m.Seq).Select(m => m.Describe()), page.Messages.Select(m => m.Describe()));
    }

    /// <summary>
    /// A command that read the message before a delete committed, then waited for the channel's change seq, must
    /// find the message gone. PostgreSQL only: there the test can see both commands queued on the channel's row lock
    /// and so order them exactly; the test above covers SQLite by racing.
    /// </summary>
    [Theory]
    [InlineData(nameof(EditMessage))]
    [InlineData(nameof(ToggleReaction))]
    [InlineData(nameof(DeleteMessage))]
    public async Task MessageChange_WhenADeleteCommitsWhileItWaitsForTheChannel_IsNotFound(string command)
    {
        await using var workspace = await TestWorkspace.CreateAsync(TestWorkspace.Postgres);
        var ann = await workspace.AddMemberAsync("Ann");
        var general = await workspace.GeneralIdAsync();
        var message = await workspace.PostAsync(ann, general, "racing");
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = workspace.QueryDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
            // Locks the row without writing a new version of it, so the commands queue on it first come, first served.
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM channels WHERE \"Id\" = {general} FOR UPDATE", Cancel);
            holding.SetResult();
            await release.Task.WaitAsync(Cancel);
            await transaction.CommitAsync(Cancel);
            return true;
        });
        await holding.Task.WaitAsync(Cancel);

        var delete = Task.Run(async () => await workspace.Send.Send(new DeleteMessage(ann, message.Id), Cancel), Cancel);
        await WaitForLockWaitersAsync(workspace, 1, delete);
        Func<Task> late = command switch
        {
            nameof(EditMessage) => async () => await workspace.Send.Send(new EditMessage(ann, message.Id, "resurrected"), Cancel),
            nameof(ToggleReaction) => async () => await workspace.Send.Send(new ToggleReaction(workspace.OwnerId, message.Id, "👍"), Cancel),
            _ => async () => await workspace.Send.Send(new DeleteMessage(workspace.OwnerId, message.Id), Cancel),
        };
        var second = Task.Run(late, Cancel);
        await WaitForLockWaitersAsync(workspace, 2, second);
        release.SetResult();
        await holder;
        await delete;

        Assert.Equal($"NotFoundException: {Message.NotFound}", await Outcomes.OfAsync(() => second));
        var stored = await workspace.StoredAsync(message.Id);
        Assert.Equal((true, "", "", (DateTimeOffset?)null, 2L), (stored.IsDeleted, stored.Text, stored.Html, stored.EditedAt, stored.ChangeSeq));
        Assert.Equal(2L, await workspace.ChangeSeqAsync(general));
        Assert.Equal(0, await workspace.QueryDbAsync(db => db.Reactions.CountAsync(Cancel)));
    }

    /// <summary>Waits until <paramref name="count"/> sessions are blocked on a lock; fails at once if the command ended instead.</summary>
    private static async Task WaitForLockWaitersAsync(TestWorkspace workspace, int count, Task command)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await workspace.QueryDbAsync(db => db.Database
                   .SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
                   .SingleAsync(Cancel)) < count)
        {
            if (command.IsCompleted)
            {
                await command;
                Assert.Fail("The command finished instead of waiting for the channel's row lock.");
            }
            Assert.True(DateTime.UtcNow < deadline, $"Expected {count} session(s) waiting for the channel's row lock.");
        }
    }

    private static async Task<bool> SucceedsAsync(Func<Task> attempt)
    {
        try
        {
            await attempt();
            return true;
        }
        catch (NotFoundException)
        {
            // Its message was deleted first: a change that did not happen.
            return false;
        }
    }

    private sealed record Change(string Kind, Guid MessageId, Guid ActorId, string Detail);
}
