using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Workspace.Benchmarks.Server;
using Workspace.Domain.Persistence;

namespace Workspace.Benchmarks.Measuring;

/// <summary>
/// Hand-written SQL through plain ADO.NET on one open connection: the baseline for a query scenario, the least the
/// database can do to give the same rows. Double-quoted names and NOT on the flag read the same on both databases.
/// </summary>
public sealed class RawQueries(DbConnection connection, DatabaseProvider provider) : IAsyncDisposable
{
    public static async Task<RawQueries> OpenAsync(BenchDatabase database, CancellationToken cancel)
    {
        DbConnection connection = database.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(database.ConnectionString)
            : new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancel);
        return new RawQueries(connection, database.Provider);
    }

    /// <summary>Reads every column of every row, as a mapper would, and returns the row count.</summary>
    public async Task<int> ReadAsync(string sql, CancellationToken cancel, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            // EF Core keeps SQLite's GUIDs as upper-case text.
            parameter.Value = value is Guid id && provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : value;
            command.Parameters.Add(parameter);
        }
        await using var reader = await command.ExecuteReaderAsync(cancel);
        var rows = 0;
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync(cancel))
        {
            reader.GetValues(values);
            rows++;
        }
        return rows;
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
