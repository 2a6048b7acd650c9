using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Channels;
using Workspace.Domain.EventLog;
using Workspace.Domain.Persistence;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Durability;

public sealed class GroupCommitTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task Writes_ArrivingWhileABatchCommits_CommitTogetherInTheNextTransaction_TheirEventsNumberedInTurn(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await workspace.GeneralIdAsync();
        var reader = Guid.NewGuid();
        var (first, release) = await HoldTheWriterAsync(workspace);

        var waiting = Enumerable.Range(0, 5).Select(i => workspace.Writes.WriteAsync(async (db, logged) =>
        {
            AddChannel(db, workspace, $"batch-{i}");
            await db.SaveChangesAsync(Cancel);
            logged.Add(LoggedEvent.Read(reader, general, i, DateTimeOffset.UtcNow));
            return db.Database.CurrentTransaction!.TransactionId;
        })).ToList();
        release();
        var firstTransaction = await first;
        var transactions = await Task.WhenAll(waiting);

        Assert.Single(transactions.Distinct());
        Assert.NotEqual(firstTransaction, transactions[0]);
        Assert.Equal(["batch-0", "batch-1", "batch-2", "batch-3", "batch-4"], await BatchChannelsAsync(workspace));
        var events = await workspace.QueryDbAsync(db =>
            db.EventLog.Where(e => e.UserId == reader).OrderBy(e => e.Id).Select(e => new { e.Id, e.Value }).ToListAsync(Cancel));
        Assert.Equal([0L, 1, 2, 3, 4], events.Select(e => e.Value!.Value));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => events[0].Id + i), events.Select(e => e.Id));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task AWriteThatFails_FailsAlone_WithItsOwnException_AndTheRestOfItsBatchCommitsOnceTogether(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var (first, release) = await HoldTheWriterAsync(workspace);

        var waiting = Enumerable.Range(0, 5).Select(i => workspace.Writes.WriteAsync(async (db, _) =>
        {
            AddChannel(db, workspace, $"batch-{i}");
            await db.SaveChangesAsync(Cancel);
            return i == 2
                ? throw new InvalidOperationException("The third write fails.")
                : (Write: i, Transaction: db.Database.CurrentTransaction!.TransactionId);
        })).ToList();
        release();
        await first;

        Assert.Equal("The third write fails.", (await Assert.ThrowsAsync<InvalidOperationException>(() => waiting[2])).Message);
        var others = await Task.WhenAll(waiting.Where((_, i) => i != 2));
        Assert.Equal([0, 1, 3, 4], others.Select(o => o.Write));
        // Still together, without the failed one.
        Assert.Single(others.Select(o => o.Transaction).Distinct());
        // Each of the others once (the batch they first ran in was rolled back), nothing of the failed one.
        Assert.Equal(["batch-0", "batch-1", "batch-3", "batch-4"], await BatchChannelsAsync(workspace));
        // And the writer goes on.
        await workspace.Writes.WriteAsync(async (db, _) =>
        {
            AddChannel(db, workspace, "batch-5");
            return await db.SaveChangesAsync(Cancel);
        });
        Assert.Contains("batch-5", await BatchChannelsAsync(workspace));
    }

    /// <summary>A write that holds the writer until released, so that the writes queued meanwhile form the next batch.</summary>
    private static async Task<(Task<Guid> First, Action Release)> HoldTheWriterAsync(TestWorkspace workspace)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = workspace.Writes.WriteAsync(async (db, _) =>
        {
            started.TrySetResult();
            await released.Task.WaitAsync(Cancel);
            return db.Database.CurrentTransaction!.TransactionId;
        });
        await started.Task.WaitAsync(Cancel);
        return (first, () => released.TrySetResult());
    }

    private static void AddChannel(WorkspaceDb db, TestWorkspace workspace, string name) =>
        db.Channels.Add(new Channel(name, ChannelKind.Public, workspace.OwnerId, DateTimeOffset.UtcNow));

    private static Task<List<string>> BatchChannelsAsync(TestWorkspace workspace) =>
        workspace.QueryDbAsync(db => db.Channels.Where(c => c.Name.StartsWith("batch-")).Select(c => c.Name).OrderBy(n => n).ToListAsync(Cancel));
}
