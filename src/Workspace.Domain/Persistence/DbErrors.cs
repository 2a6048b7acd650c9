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
}
