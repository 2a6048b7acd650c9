using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workspace.Domain;
using Workspace.Domain.Persistence;

namespace Workspace.Benchmarks.Server;

/// <summary>
/// A database of the scenario's own, migrated: a SQLite file (WAL, the app's default synchronous=NORMAL) in the work
/// directory, or a database created on the PostgreSQL server and dropped afterwards.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? postgresServer;

    private BenchDatabase(DatabaseProvider provider, string connectionString, string? postgresServer, string name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.postgresServer = postgresServer;
        Name = name;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public string Name { get; }

    /// <summary>Settings that put the app on this database.</summary>
    public (string Key, string Value)[] Settings =>
        [("Database:Provider", Provider.ToString()), ("ConnectionStrings:Workspace", ConnectionString)];

    public static async Task<BenchDatabase> CreateAsync(DatabaseProvider provider, Scenarios.BenchContext context, string purpose,
        CancellationToken cancel)
    {
        var name = $"bench_{purpose}_{Guid.NewGuid():N}"[..32];
        BenchDatabase database;
        if (provider == DatabaseProvider.Postgres)
        {
            var server = context.PostgresServer ?? throw new InvalidOperationException("No PostgreSQL server was given.");
            await using (var admin = new NpgsqlConnection(server))
            {
                await admin.OpenAsync(cancel);
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
                await create.ExecuteNonQueryAsync(cancel);
            }
            database = new BenchDatabase(provider, new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString(), server, name);
        }
        else
            database = new BenchDatabase(provider, $"Data Source={Path.Combine(context.WorkDirectory, name + ".db")}", null, name);

        await DatabaseSetup.MigrateAsync(database.Services, cancel);
        return database;
    }

    /// <summary>
    /// The domain on this database, to seed it and query it from outside the app. One for the database's life: each
    /// new one would build EF Core's model again, seconds each time.
    /// </summary>
    public ServiceProvider Services => services ??= BuildServices();

    private ServiceProvider? services;

    private ServiceProvider BuildServices()
    {
        var collection = new ServiceCollection().AddLogging();
        collection.AddWorkspaceDomain(Provider, ConnectionString);
        return collection.BuildServiceProvider();
    }

    public string SqliteFile => new SqliteConnectionStringBuilder(ConnectionString).DataSource;

    public async ValueTask DisposeAsync()
    {
        if (services is not null)
            await services.DisposeAsync();
        if (postgresServer is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(postgresServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
            return;
        }
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(SqliteFile + suffix);
    }
}
