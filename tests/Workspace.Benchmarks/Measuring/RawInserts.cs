using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using Workspace.Benchmarks.Scenarios;
using Workspace.Domain.Persistence;

namespace Workspace.Benchmarks.Measuring;

/// <summary>What the raw-insert baseline measured; crosses from the pinned worker process as one JSON line.</summary>
public sealed record RawInsertResult(int Inserts, double Seconds, double P50, double P99, double[] Chart)
{
    public double PerSecond => Inserts / Seconds;
}

/// <summary>
/// The post scenario's baseline: single-row insert transactions, straight through Microsoft.Data.Sqlite or Npgsql,
/// from as many concurrent writers as the scenario has clients, into a table of the same database (same file, same
/// server, same durability settings: SQLite WAL with synchronous=NORMAL as the app runs it; PostgreSQL as configured).
/// </summary>
public static class RawInserts
{
    public const string WorkerVerb = "raw-insert-worker";

    public static async Task<RawInsertResult> RunAsync(DatabaseProvider provider, string connectionString, int writers,
        TimeSpan duration, CancellationToken cancel)
    {
        await using (var setup = await OpenAsync(provider, connectionString, cancel))
            await ExecuteAsync(setup, provider == DatabaseProvider.Sqlite
                ? "CREATE TABLE bench_raw_inserts (id TEXT PRIMARY KEY, channel INTEGER NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL)"
                : "CREATE TABLE bench_raw_inserts (id uuid PRIMARY KEY, channel integer NOT NULL, body text NOT NULL, created_at timestamptz NOT NULL)", cancel);

        // SQLite takes one writer at a time. Sixteen connections spinning on SQLITE_BUSY would make a weak baseline;
        // queuing them in-process on one lock is the fastest way raw ADO.NET gets single-row commits at this concurrency.
        var oneWriter = provider == DatabaseProvider.Sqlite ? new SemaphoreSlim(1) : null;
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var perWriter = await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            var latencies = new Latencies();
            await using var connection = await OpenAsync(provider, connectionString, cancel);
            for (var n = 0; Stopwatch.GetTimestamp() < stopAt; n++)
            {
                var start = Stopwatch.GetTimestamp();
                if (oneWriter is not null)
                    await oneWriter.WaitAsync(cancel);
                try
                {
                    await using var transaction = await connection.BeginTransactionAsync(cancel);
                    await using var insert = connection.CreateCommand();
                    insert.Transaction = transaction;
                    insert.CommandText = "INSERT INTO bench_raw_inserts (id, channel, body, created_at) VALUES (@id, @channel, @body, @at)";
                    Add(insert, "@id", provider == DatabaseProvider.Sqlite ? Guid.CreateVersion7().ToString().ToUpperInvariant() : Guid.CreateVersion7());
                    Add(insert, "@channel", (writer + n) % PostThroughputScenario.Channels);
                    Add(insert, "@body", $"post {writer}.{n}: the build is green, see the log");
                    Add(insert, "@at", provider == DatabaseProvider.Sqlite ? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() : DateTimeOffset.UtcNow);
                    await insert.ExecuteNonQueryAsync(cancel);
                    await transaction.CommitAsync(cancel);
                }
                finally
                {
                    oneWriter?.Release();
                }
                latencies.Add(start);
            }
            return latencies;
        }, cancel)));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        await using (var cleanUp = await OpenAsync(provider, connectionString, cancel))
            await ExecuteAsync(cleanUp, "DROP TABLE bench_raw_inserts", cancel);
        var all = new Latencies();
        foreach (var latencies in perWriter)
            all.AddRange(latencies);
        return new RawInsertResult(all.Count, seconds, all.P50, all.P99, [.. all.ChartPoints().Select(p => p.Item2)]);
    }

    /// <summary>The worker's entry point: <c>raw-insert-worker provider connection writers seconds</c>, one JSON line out.</summary>
    public static async Task<int> WorkerMainAsync(string[] arguments)
    {
        var result = await RunAsync(Enum.Parse<DatabaseProvider>(arguments[0]), arguments[1], int.Parse(arguments[2]),
            TimeSpan.FromSeconds(double.Parse(arguments[3], System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None);
        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }

    public static RawInsertResult Parse(string output) =>
        JsonSerializer.Deserialize<RawInsertResult>(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Last(l => l.StartsWith('{')))!;

    private static async Task<DbConnection> OpenAsync(DatabaseProvider provider, string connectionString, CancellationToken cancel)
    {
        DbConnection connection = provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 30 }.ToString())
            : new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancel);
        if (provider == DatabaseProvider.Sqlite)
            await ExecuteAsync(connection, "PRAGMA synchronous=NORMAL", cancel);
        return connection;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancel)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancel);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
