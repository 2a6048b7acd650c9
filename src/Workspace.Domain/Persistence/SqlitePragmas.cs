using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workspace.Domain.Persistence;

/// <summary>
/// PRAGMA synchronous belongs to a connection, not to the file (unlike journal_mode), so every connection the app
/// opens is told, once: a pooled connection opened again keeps its native handle, and with it the setting.
/// </summary>
public sealed class SqlitePragmas(SqliteSynchronous synchronous) : DbConnectionInterceptor
{
    private readonly string _statement = $"PRAGMA synchronous={synchronous.ToString().ToUpperInvariant()};";
    private readonly ConditionalWeakTable<object, object> _told = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (WasTold(connection))
            return;
        using var command = connection.CreateCommand();
        command.CommandText = _statement;
        command.ExecuteNonQuery();
        Remember(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (WasTold(connection))
            return;
        await using var command = connection.CreateCommand();
        command.CommandText = _statement;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }

    private bool WasTold(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && _told.TryGetValue(handle, out _);

    private void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
            _told.AddOrUpdate(handle, handle);
    }
}
