using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Domain.EventLog;

namespace Workspace.Domain.Persistence;

/// <summary>
/// Commits the writes of concurrent commands together: one transaction and one commit for all that are waiting (group
/// commit, as the architecture's known traps advise for SQLite's one writer). A write that arrives while a batch
/// commits joins the next batch, so an idle server commits each write at once and a busy one commits fewer, larger
/// transactions. On SQLite a batch takes the write lock once (<see cref="SqliteWriteGate"/>) on a connection kept
/// open, whose cached pages no other connection's commit makes stale between its own; on PostgreSQL a batch is one
/// commit and one wait for the disk.
/// </summary>
/// <remarks>
/// A write may run more than once, so it touches nothing but the context it is given and returns what its caller needs:
/// when one write of a batch fails, the batch rolls back, that write runs again alone (where it fails with its own
/// exception, or commits if only the batch made it fail) and the others are tried together again without it.
/// The events the writes log are numbered and inserted together after the last write: numbering takes the event log's
/// head row, which every writer waits for, and holds it until the commit, so a batch takes it once and last, after its
/// channels' rows, in the order every other command takes them (taken between two writes, a batch holding it would wait
/// for the next write's channel row while an edit holding that row waited for the head: a deadlock on PostgreSQL).
/// </remarks>
public sealed class GroupCommit : IAsyncDisposable
{
    /// <summary>Enough to amortize a commit; small enough that a batch's rollback and retry stay cheap.</summary>
    public const int MaxBatch = 32;

    private readonly IServiceScopeFactory scopes;
    private readonly Channel<Write> queue = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task loop;
    private (AsyncServiceScope Scope, WorkspaceDb Db)? writer;

    public GroupCommit(IServiceScopeFactory scopes)
    {
        this.scopes = scopes;
        // The loop outlives whoever first asks for this service: it must not carry their async-local state (a scope).
        using (ExecutionContext.SuppressFlow())
            loop = Task.Run(RunAsync);
    }

    /// <summary>
    /// Runs <paramref name="write"/> inside a transaction shared with other waiting writes; done once committed. The write
    /// adds the events it logs to the list it is given rather than inserting them.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<WorkspaceDb, List<LoggedEvent>, Task<T>> write)
    {
        var queued = new Write<T>(write);
        if (!queue.Writer.TryWrite(queued))
            throw new ObjectDisposedException(nameof(GroupCommit));
        return queued.Committed;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
        await CloseWriterAsync();
    }

    private async Task RunAsync()
    {
        var batch = new List<Write>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var write))
                batch.Add(write);
            try
            {
                await CommitBatchAsync(batch);
            }
            catch (Exception e)
            {
                // Closing a broken connection failed: no caller is left waiting, and the next batch opens a new one.
                foreach (var write in batch)
                    write.Fail(e);
            }
            batch.Clear();
        }
    }

    /// <summary>
    /// Together while they succeed: a write that fails runs alone, to fail with its own exception (or commit, when only
    /// the batch made it fail), and the others are tried together again without it.
    /// </summary>
    private async Task CommitBatchAsync(List<Write> batch)
    {
        while (batch.Count > 1)
        {
            if (await CommitAsync(batch) is not { Write: var failed })
                return;
            // Not one write's failure (the connection, the events, the commit): each goes alone.
            if (failed == batch.Count)
                break;
            await AloneAsync(batch[failed]);
            batch.RemoveAt(failed);
        }
        foreach (var write in batch)
            await AloneAsync(write);
    }

    private async Task AloneAsync(Write write)
    {
        if (await CommitAsync([write]) is { Error: var error })
            write.Fail(error);
    }

    /// <summary>
    /// Null when every write committed; else which one failed (the count when the connection, the events or the commit
    /// did), and why.
    /// </summary>
    private async Task<(int Write, Exception Error)?> CommitAsync(IReadOnlyList<Write> writes)
    {
        var blamed = writes.Count;
        try
        {
            var db = await WriterAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var logged = new List<LoggedEvent>();
            for (var i = 0; i < writes.Count; i++)
            {
                blamed = i;
                await writes[i].RunAsync(db, logged);
                db.ChangeTracker.Clear();
            }
            blamed = writes.Count;
            await db.InsertAsync(logged, CancellationToken.None);
            await transaction.CommitAsync();
        }
        catch (Exception e)
        {
            // Rolled back with the transaction's disposal; the context may hold what the failed write tracked or noted.
            await CloseWriterAsync();
            return (blamed, e);
        }
        foreach (var write in writes)
            write.Commit();
        return null;
    }

    private async Task<WorkspaceDb> WriterAsync()
    {
        if (writer is { Db: var open })
            return open;
        var fresh = scopes.CreateAsyncScope();
        try
        {
            var db = fresh.ServiceProvider.GetRequiredService<WorkspaceDb>();
            await db.Database.OpenConnectionAsync();
            writer = (fresh, db);
            return db;
        }
        catch
        {
            await fresh.DisposeAsync();
            throw;
        }
    }

    /// <summary>Closed explicitly for the same reason as a command's connection (<see cref="Pipeline.Sender"/>).</summary>
    private async Task CloseWriterAsync()
    {
        if (writer is not { } open)
            return;
        var (scope, db) = open;
        writer = null;
        try
        {
            await db.Database.CloseConnectionAsync();
        }
        finally
        {
            await scope.DisposeAsync();
        }
    }

    private abstract class Write
    {
        public abstract Task RunAsync(WorkspaceDb db, List<LoggedEvent> logged);
        public abstract void Commit();
        public abstract void Fail(Exception exception);
    }

    private sealed class Write<T>(Func<WorkspaceDb, List<LoggedEvent>, Task<T>> write) : Write
    {
        // Its caller goes on elsewhere: the next batch does not wait for the callers of this one.
        private readonly TaskCompletionSource<T> committed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? result;

        public Task<T> Committed => committed.Task;

        public override async Task RunAsync(WorkspaceDb db, List<LoggedEvent> logged) => result = await write(db, logged);

        public override void Commit() => committed.TrySetResult(result!);

        public override void Fail(Exception exception) => committed.TrySetException(exception);
    }
}
