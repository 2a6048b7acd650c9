using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workspace.Domain.Persistence;

/// <summary>
/// SQLite lets one transaction write at a time, and Microsoft.Data.Sqlite retries a BEGIN that finds the file locked
/// only every 150 ms: with sixteen posts in flight most of them slept, and a post took half a second (docs/benchmarks.md).
/// So the app's transactions queue here first, in process and without holding a thread, and each one finds the lock
/// free. The gate opens again when the transaction ends or, whatever happened to it, when its connection closes or
/// is disposed. A transaction disposed without an ending (a command that failed inside it) leaves its connection
/// holding the gate until the command closes it (<see cref="Pipeline.Sender"/>): the connection's next transaction
/// goes ahead on that hold rather than wait for itself.
/// A wait longer than the connection's timeout goes ahead ungated, to meet SQLite's own locking as before.
/// </summary>
public sealed class SqliteWriteGate(TimeSpan patience) : DbTransactionInterceptor, IDbConnectionInterceptor
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ConcurrentDictionary<Guid, bool> holders = new();

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        if (!holders.ContainsKey(eventData.ConnectionId) && gate.Wait(patience))
            holders[eventData.ConnectionId] = true;
        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (!holders.ContainsKey(eventData.ConnectionId) && await gate.WaitAsync(patience, cancellationToken))
            holders[eventData.ConnectionId] = true;
        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData.ConnectionId);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Leave(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData.ConnectionId);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Leave(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    void IDbConnectionInterceptor.ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Leave(eventData.ConnectionId);

    Task IDbConnectionInterceptor.ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Leave(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    void IDbConnectionInterceptor.ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Leave(eventData.ConnectionId);

    Task IDbConnectionInterceptor.ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Leave(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    private void Leave(Guid connectionId)
    {
        if (holders.TryRemove(connectionId, out _))
            gate.Release();
    }
}
