using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Workspace.Domain.Channels;
using Workspace.Domain.EventLog;
using Workspace.Domain.Messages;
using Workspace.Domain.Persistence;
using Workspace.Domain.Realtime;
using Workspace.Domain.Tests.Support;
using Workspace.Domain.Unread;

namespace Workspace.Domain.Tests.Unread;

/// <summary>Read pointers of people reading live messages move together, once per pass, as far as they have seen.</summary>
public sealed class LiveReadingTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task Move_TakesEachReaderToTheNewestSeqTheySaw_InOnePass_AndTellsTheirOtherPages(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var ben = await workspace.AddMemberAsync("Ben Day");
        var general = await PostedAsync(workspace, 5);
        var reading = await ReadingAsync(workspace);
        using var annsPages = new EventRecorder(workspace.Events, ChatEvent.UserStream(ann));

        reading.Saw(ann, general, 3);
        reading.Saw(ann, general, 2);
        reading.Saw(ben, general, 5);
        var moved = await reading.MoveAsync(Cancel);

        Assert.Equal(2, moved);
        Assert.Equal((2, 0), await workspace.BadgeAsync(ann, general));
        Assert.Equal((0, 0), await workspace.BadgeAsync(ben, general));
        await annsPages.WaitForAsync<ChannelRead>(e => e.LastReadSeq == 3);
        var logged = await workspace.Send.Send(new GetEvents(ann, 0), Cancel);
        Assert.Contains(logged.Events, e => e.Kind == EventKinds.ChannelRead && e.Value == 3);
        Assert.Equal(0, await reading.MoveAsync(Cancel));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task Move_NeverTakesAPointerBack_NorPastTheNewestMessage_NorForSomeoneNotInTheChannel(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var general = await PostedAsync(workspace, 5);
        var secret = (await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "secret", IsPrivate: true), Cancel)).Id;
        await workspace.Send.Send(new PostMessage(workspace.OwnerId, secret, "hush", Guid.NewGuid()), Cancel);
        await workspace.Send.Send(new MarkChannelRead(ann, general, 4), Cancel);
        var reading = await ReadingAsync(workspace);

        reading.Saw(ann, general, 2);
        reading.Saw(ann, secret, 1);
        var backwards = await reading.MoveAsync(Cancel);
        reading.Saw(ann, general, 99);
        var pastTheEnd = await reading.MoveAsync(Cancel);

        Assert.Equal((0, 1), (backwards, pastTheEnd));
        Assert.Equal((0, 0), await workspace.BadgeAsync(ann, general));
        Assert.DoesNotContain(await workspace.Send.Send(new GetSidebar(ann), Cancel), c => c.Id == secret);
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task Forget_AfterMarkUnreadIsChosen_KeepsWhatWasSeenFromMovingThePointer(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var general = await PostedAsync(workspace, 5);
        var reading = await ReadingAsync(workspace);

        reading.Saw(ann, general, 5);
        await reading.ForgetAsync(ann, general);
        await workspace.Send.Send(new MarkChannelUnread(ann, general, 3), Cancel);

        Assert.Equal(0, await reading.MoveAsync(Cancel));
        Assert.Equal((3, 0), await workspace.BadgeAsync(ann, general));
    }

    /// <summary>
    /// A batch of posts moves its authors' pointers in its own order (Persistence/GroupCommit), so on PostgreSQL it can
    /// deadlock with a move; PostgreSQL ends one of the two, and a move it ended goes again rather than losing what
    /// was seen. Here another transaction plays the batch: it holds Ben's row, the move takes Ann's and waits for
    /// Ben's, then the other asks for Ann's.
    /// </summary>
    [Fact]
    public async Task Move_EndedByPostgreSqlToBreakADeadlock_MovesEveryPointerOnItsNextAttempt()
    {
        await using var workspace = await TestWorkspace.CreateAsync(TestWorkspace.Postgres);
        var ann = await workspace.AddMemberAsync("Ann Lee");
        var ben = await workspace.AddMemberAsync("Ben Day");
        var general = await PostedAsync(workspace, 5);
        var reading = await ReadingAsync(workspace);
        reading.Saw(ann, general, 3);
        reading.Saw(ben, general, 5);

        await workspace.QueryDbAsync(async other =>
        {
            await using var transaction = await other.Database.BeginTransactionAsync(Cancel);
            // So that PostgreSQL ends the move (which waits first), never this one.
            await other.Database.ExecuteSqlRawAsync("SET LOCAL deadlock_timeout = '60s'", Cancel);
            Assert.Equal(1, await HoldPointerAsync(other, ben, general));
            var move = reading.MoveAsync(Cancel);
            // The move has taken Ann's row and waits for Ben's.
            await workspace.QueryDbAsync(async watcher =>
            {
                while (await LockWaitsAsync(watcher) == 0)
                    await Task.Delay(10, Cancel);
                return 0;
            });
            await HoldPointerAsync(other, ann, general);
            await transaction.CommitAsync(Cancel);
            Assert.Equal(2, await move);
            return 0;
        });

        Assert.Equal((2, 0), await workspace.BadgeAsync(ann, general));
        Assert.Equal((0, 0), await workspace.BadgeAsync(ben, general));
    }

    private static Task<int> LockWaitsAsync(WorkspaceDb db) =>
        db.Database.SqlQueryRaw<int>("""
            SELECT count(*)::int AS "Value" FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'
            """).SingleAsync(Cancel);

    private static Task<int> HoldPointerAsync(WorkspaceDb db, Guid userId, Guid channelId) =>
        db.Database.ExecuteSqlAsync(
            $"UPDATE memberships SET \"LastReadSeq\" = \"LastReadSeq\" WHERE \"UserId\" = {userId} AND \"ChannelId\" = {channelId}",
            Cancel);

    private static async Task<Guid> PostedAsync(TestWorkspace workspace, int count)
    {
        var general = await workspace.GeneralIdAsync();
        for (var i = 0; i < count; i++)
            await workspace.Send.Send(new PostMessage(workspace.OwnerId, general, $"m{i}", Guid.NewGuid()), Cancel);
        return general;
    }

    /// <summary>The app's singleton, reached the way <see cref="MentionChecks.PresenceAsync"/> reaches presence.</summary>
    private static Task<LiveReading> ReadingAsync(TestWorkspace workspace) =>
        workspace.QueryDbAsync(db => Task.FromResult(db.GetService<LiveReading>()));
}
