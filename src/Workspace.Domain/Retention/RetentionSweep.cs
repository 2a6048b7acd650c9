using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workspace.Domain.Audit;
using Workspace.Domain.EventLog;
using Workspace.Domain.Integrations;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Retention;

/// <summary>How many rows one pass removed.</summary>
public sealed record PrunedRows(int Events, int Deliveries, int AuditEntries)
{
    public int Total => Events + Deliveries + AuditEntries;
}

/// <summary>
/// Removes what has outlived <see cref="RetentionOptions"/>, a batch per transaction so that posting never waits long
/// behind it. On PostgreSQL every node runs it: each batch locks its rows and skips rows another node has locked, so
/// the nodes share the work and never wait on each other.
/// </summary>
public sealed class RetentionSweep(WorkspaceDb db, IOptions<RetentionOptions> options, TimeProvider clock)
{
    public const int BatchSize = 1000;

    public async Task<PrunedRows> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var keep = options.Value;
        var events = 0;
        var deliveries = 0;
        var audit = 0;
        if (keep.EventLogDays > 0)
        {
            var cutoff = now.AddDays(-keep.EventLogDays);
            events = await UntilNoneLeftAsync(() => DeleteBatchAsync(db.EventLog, e => e.At < cutoff,
                $"""SELECT * FROM event_log WHERE "At" < {cutoff} ORDER BY "Id" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED""",
                e => e.Id, cancellationToken), cancellationToken);
        }
        if (keep.DeliveryDays > 0)
        {
            var cutoff = now.AddDays(-keep.DeliveryDays);
            deliveries = await UntilNoneLeftAsync(() => DeleteBatchAsync(db.OutgoingDeliveries,
                d => d.Status != DeliveryStatus.Pending && d.CreatedAt < cutoff,
                $"""
                SELECT * FROM outgoing_deliveries WHERE "Status" <> {(int)DeliveryStatus.Pending} AND "CreatedAt" < {cutoff}
                ORDER BY "CreatedAt" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
                """,
                d => d.CreatedAt, cancellationToken), cancellationToken);
        }
        if (keep.AuditLogDays > 0)
        {
            var cutoff = now.AddDays(-keep.AuditLogDays);
            audit = await UntilNoneLeftAsync(() => DeleteBatchAsync(db.AuditEntries, e => e.At < cutoff,
                $"""SELECT * FROM audit_log WHERE "At" < {cutoff} ORDER BY "Id" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED""",
                e => e.Id, cancellationToken), cancellationToken);
        }
        return new PrunedRows(events, deliveries, audit);
    }

    private static async Task<int> UntilNoneLeftAsync(Func<Task<int>> deleteBatch, CancellationToken cancellationToken)
    {
        var total = 0;
        int deleted;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            deleted = await deleteBatch();
            total += deleted;
        } while (deleted == BatchSize);
        return total;
    }

    /// <summary>Deletes up to <see cref="BatchSize"/> expired rows, oldest first; on PostgreSQL only rows no other node holds.</summary>
    private Task<int> DeleteBatchAsync<TEntity, TOrder>(DbSet<TEntity> rows, Expression<Func<TEntity, bool>> expired,
        FormattableString lockedOnPostgres, Expression<Func<TEntity, TOrder>> oldestFirst,
        CancellationToken cancellationToken) where TEntity : class
    {
        var batch = db.Database.IsNpgsql()
            ? rows.FromSql(lockedOnPostgres)
            : rows.Where(expired).OrderBy(oldestFirst).Take(BatchSize);
        return rows.Where(row => batch.Contains(row)).ExecuteDeleteAsync(cancellationToken);
    }
}
