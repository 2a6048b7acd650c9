using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Workspace.Domain.Persistence;

internal static class DbErrors
{
    private const int SqliteConstraint = 19;

    /// <summary>A unique index refused the row: saved by EF Core (the provider's error inside) or sent directly (<see cref="DirectSql"/>).</summary>
    public static bool IsUniqueViolation(this Exception exception) => exception switch
    {
        DbUpdateException saved => saved.InnerException is { } inner && inner.IsUniqueViolation(),
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>PostgreSQL ended this transaction to break a deadlock; SQLite, with its one writer, has none.</summary>
    public static bool IsDeadlock(this Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected }
            || exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected };
}
