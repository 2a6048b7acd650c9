using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

#pragma warning disable EF1001 // EF Core's SQLite connection service, replaced the way EF Core lets a provider's service be replaced.
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;

namespace Workspace.Domain.Persistence;

/// <summary>
/// EF Core's SQLite connections without the functions EF Core gives every connection it makes (<c>regexp</c>, and
/// <c>ef_add</c>, <c>ef_compare</c> and the rest for decimal arithmetic). Microsoft.Data.Sqlite registers a
/// connection's functions with SQLite again on every open, pooled or not, and every command and query opens its
/// context's connection: about 17 µs and 5 KB each time for a dozen functions, where an open without them takes under
/// a microsecond (docs/benchmarks.md, history). The model has no decimal and no query matches a regular expression,
/// so nothing called them; a query that needed one would fail at once with "no such function".
/// </summary>
internal static class SqliteWithoutFunctions
{
    public static DbContextOptionsBuilder WithoutEfFunctions(this DbContextOptionsBuilder options) =>
        options.ReplaceService<ISqliteRelationalConnection, Connection>();

    private sealed class Connection(RelationalConnectionDependencies dependencies, IRawSqlCommandBuilder rawSqlCommandBuilder,
        IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger) : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
    {
        protected override DbConnection CreateDbConnection()
        {
            var connection = new SqliteConnection(GetValidatedConnectionString());
            if (CommandTimeout is { } seconds)
                connection.DefaultTimeout = seconds;
            return connection;
        }
    }
}
