using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workspace.Domain.Persistence;

/// <summary>
/// PRAGMA synchronous belongs to a connection, not to the file (unlike journal_mode), so every connection the app
/// opens is told. Pooled connections are opened again per operation, and the pragma costs no I/O.
/// </summary>
public sealed class SqlitePragmas(SqliteSynchronous synchronous) : DbConnectionInterceptor
{
    private readonly string _statement = $"PRAGMA synchronous={synchronous.ToString().ToUpperInvariant()};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _statement;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _statement;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
