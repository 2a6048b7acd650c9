using Workspace.Domain.Persistence;

namespace Workspace.Domain.EventLog;

internal static class EventNumbering
{
    /// <summary>
    /// Numbers the events about to be saved from the head row, inside the caller's transaction. The UPDATE holds the
    /// row's lock until that transaction ends, so the next writer numbers after it commits: ids follow commit order
    /// on every database, and a reader that has seen id n can never later find a smaller one appear. (An identity
    /// column would not do: on PostgreSQL a transaction that took id 10 may commit after the one that took 11.)
    /// Sent directly (<see cref="DirectSql"/>): every write runs it.
    /// </summary>
    public static async Task NumberAsync(this WorkspaceDb db, IReadOnlyList<LoggedEvent> events, CancellationToken cancellationToken)
    {
        var (count, countAt) = db.Parameter("count");
        var command = db.CreateCommand(
            $"""UPDATE event_log_head SET "LastId" = "LastId" + {countAt} WHERE "Id" = {EventLogHead.SingleRowId} RETURNING "LastId" """);
        command.AddParameter(db.Column<EventLogHead>(nameof(EventLogHead.LastId)), count, (long)events.Count);
        var last = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
        var id = last - events.Count;
        foreach (var loggedEvent in events)
            loggedEvent.Id = ++id;
    }

    /// <summary>
    /// On PostgreSQL, numbers one event and inserts it in one statement: a post's last round trip before its commit, so
    /// the head row, which every writer waits for, is held one round trip less.
    /// </summary>
    public static async Task NumberAndInsertAsync(this WorkspaceDb db, LoggedEvent loggedEvent, CancellationToken cancellationToken)
    {
        var id = await db.InsertRowWithAsync(loggedEvent, nameof(LoggedEvent.Id),
            $"""WITH head AS (UPDATE event_log_head SET "LastId" = "LastId" + 1 WHERE "Id" = {EventLogHead.SingleRowId} RETURNING "LastId")""",
            "head", "head.\"LastId\"", cancellationToken);
        loggedEvent.Id = Convert.ToInt64(id);
    }
}
