using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Workspace.Domain.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// How hard SQLite works to keep a commit (PRAGMA synchronous), chosen by <c>Database:SqliteSynchronous</c>. In WAL
/// mode both survive the app crashing; they differ when the machine loses power or the OS crashes.
/// </summary>
public enum SqliteSynchronous
{
    /// <summary>Syncs at checkpoints only: the last commits before a power loss may be lost, never corrupted.</summary>
    Normal,

    /// <summary>Syncs the log on every commit: a commit that was answered survives a power loss. Slower writes.</summary>
    Full,
}

public static class DatabaseSetup
{
    public const string DefaultSqliteConnection = "Data Source=data/workspace.db";

    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var name = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(name))
            return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider '{name}' is not known: use Sqlite or Postgres.");
    }

    public static SqliteSynchronous SqliteSynchronousFrom(IConfiguration configuration)
    {
        var name = configuration["Database:SqliteSynchronous"];
        if (string.IsNullOrWhiteSpace(name))
            return SqliteSynchronous.Normal;
        return Enum.TryParse<SqliteSynchronous>(name, ignoreCase: true, out var synchronous) && Enum.IsDefined(synchronous)
            ? synchronous
            : throw new InvalidOperationException($"Database:SqliteSynchronous '{name}' is not known: use Normal or Full.");
    }

    /// <summary>
    /// Contexts kept for reuse. EF Core's default keeps up to 1,024, so a burst (two hundred people opening the app at
    /// once) left two hundred contexts of ~25 KB each held for good; past this many, a command gets a new context that
    /// is thrown away after, as without pooling. Commands in flight at once are far fewer on a small server.
    /// </summary>
    private const int PoolSize = 32;

    public static IServiceCollection AddWorkspaceDatabase(this IServiceCollection services, DatabaseProvider provider,
        string? connectionString, SqliteSynchronous synchronous = SqliteSynchronous.Normal)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Workspace is empty.");
            services.AddDbContextPool<PostgresWorkspaceDb>(options => options.UseNpgsql(PostgresConnectionFor(connectionString)), PoolSize);
            services.AddScoped<WorkspaceDb>(sp => sp.GetRequiredService<PostgresWorkspaceDb>());
        }
        else
        {
            SqliteThreading.UseMultiThreadMode();
            var sqlite = SqliteConnectionFor(connectionString);
            var pragmas = new SqlitePragmas(synchronous);
            var writeGate = new SqliteWriteGate(TimeSpan.FromSeconds(new SqliteConnectionStringBuilder(sqlite).DefaultTimeout));
            services.AddDbContextPool<SqliteWorkspaceDb>(options => options.UseSqlite(sqlite).AddInterceptors(pragmas, writeGate)
                .WithoutEfFunctions(), PoolSize);
            services.AddScoped<WorkspaceDb>(sp => sp.GetRequiredService<SqliteWorkspaceDb>());
        }
        return services;
    }

    /// <summary>Creates the database or brings it up to date. Runs once at start, before any request.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
            // WAL lets readers go on while one writer commits; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    /// <summary>
    /// Statements prepared per connection once sent <see cref="NpgsqlConnectionStringBuilder.AutoPrepareMinUsages"/>
    /// times, so PostgreSQL stops parsing and planning the few the app sends over and over; least used first out.
    /// </summary>
    private const int AutoPrepared = 64;

    /// <summary>The operator's connection string, with Npgsql's automatic preparation on unless it says otherwise.</summary>
    /// <remarks>0 turns it off, as a connection pooler that cannot keep prepared statements needs.</remarks>
    internal static string PostgresConnectionFor(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Keys.Cast<string>().Any(key => key.Replace(" ", "").Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
            builder.MaxAutoPrepare = AutoPrepared;
        return builder.ToString();
    }

    internal static string SqliteConnectionFor(string? connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnection : connectionString);
        if (builder.DefaultTimeout < 30)
            builder.DefaultTimeout = 30;
        if (builder.Mode != SqliteOpenMode.Memory && !builder.DataSource.StartsWith(':'))
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory))
                Directory.CreateDirectory(directory);
        }
        return builder.ToString();
    }
}
