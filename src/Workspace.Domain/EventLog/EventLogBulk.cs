using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.EventLog;

internal static class EventLogBulk
{
    /// <summary>
    /// Numbers events and writes them in the caller's transaction, past the change tracker (<see cref="DirectSql"/>).
    /// Live readers' pointers move once a second (<see cref="Unread.LiveReading"/>): a thousand readers log a thousand
    /// rows each time, and EF Core inserting them one by one was a tenth of a server's core (docs/benchmarks.md, fan-out).
    /// </summary>
    public static async Task InsertAsync(this WorkspaceDb db, IReadOnlyList<LoggedEvent> events, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Events are numbered in the transaction that writes them: begin one first.");
        if (events.Count == 0)
            return;
        if (events.Count == 1 && db.Database.IsNpgsql())
        {
            await db.NumberAndInsertAsync(events[0], cancellationToken);
            return;
        }
        await db.NumberAsync(events, cancellationToken);
        await db.InsertRowsAsync(events, cancellationToken);
    }
}
