using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Workspace.Domain;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Messages;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Realtime;
using Workspace.Domain.Setup;

namespace Workspace.Domain.Tests.Support;

/// <summary>
/// A real, freshly migrated database with a set-up workspace, reached through the same dispatcher the app uses.
/// SQLite runs everywhere; PostgreSQL runs when WORKSPACE_TEST_POSTGRES names a server (test.sh starts one).
/// </summary>
public sealed class TestWorkspace : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
    public const string OwnerPassword = "owner-password";

    public static TheoryData<string> Providers => [Sqlite, Postgres];

    private readonly ServiceProvider _services;
    private readonly Func<Task> _drop;

    private TestWorkspace(ServiceProvider services, Func<Task> drop, string storagePath)
    {
        _services = services;
        _drop = drop;
        StoragePath = storagePath;
    }

    /// <summary>The workspace's own uploads folder, deleted with it.</summary>
    public string StoragePath { get; }

    public Sender Send => _services.GetRequiredService<Sender>();
    public IChatEvents Events => _services.GetRequiredService<IChatEvents>();
    public IMeterFactory Meters => _services.GetRequiredService<IMeterFactory>();
    public GroupCommit Writes => _services.GetRequiredService<GroupCommit>();
    public Guid OwnerId { get; private set; }

    /// <param name="clock">Replaces the system clock for everything the domain does (a FakeTimeProvider, usually).</param>
    /// <param name="rateLimited">Keeps the real sending budget; otherwise tests may post as fast as they like.</param>
    /// <param name="synchronous">SQLite's durability setting, as Database:SqliteSynchronous chooses it.</param>
    /// <param name="commands">Counts the statements EF Core sends.</param>
    public static async Task<TestWorkspace> CreateAsync(string provider, bool setUp = true, TimeProvider? clock = null,
        bool rateLimited = false, SqliteSynchronous synchronous = SqliteSynchronous.Normal, SentCommands? commands = null)
    {
        var (kind, connectionString, drop) = provider == Postgres ? await CreatePostgresAsync() : CreateSqlite();
        var services = new ServiceCollection().AddLogging(logging =>
        {
            if (commands is null)
                return;
            logging.AddProvider(commands);
            // EF Core stops asking whether commands are logged for a while when it finds its Debug-level "executing"
            // line unwanted, and then would not log some "executed" ones either.
            logging.AddFilter(DbLoggerCategory.Database.Command.Name, LogLevel.Debug);
        });
        services.AddWorkspaceDomain(kind, connectionString, synchronous);
        // Every sidebar answered from memory is checked against the database's (the tests here run one step at a time).
        services.AddSingleton(new SidebarCache(enabled: kind == DatabaseProvider.Sqlite, checkAgainstDatabase: true));
        // Nothing here signs in, and 100,000 PBKDF2 rounds per account would be most of the suite's time.
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1);
        var storagePath = Path.Combine(Path.GetTempPath(), $"workspace-test-files-{Guid.NewGuid():N}");
        services.Configure<StorageOptions>(options => options.Path = storagePath);
        if (!rateLimited)
            services.Configure<RateLimitOptions>(options => options.MessageBurst = 1_000_000);
        if (clock is not null)
            services.AddSingleton(clock);
        var built = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await DatabaseSetup.MigrateAsync(built);
        var workspace = new TestWorkspace(built, drop, storagePath);
        if (setUp)
            workspace.OwnerId = await workspace.Send.Send(
                new SetUpWorkspace("Acme", "Olivia Owner", "owner@example.com", OwnerPassword));
        return workspace;
    }

    /// <summary>Brings a person in the way people join: an invite made by the owner, then accepted.</summary>
    public async Task<Guid> AddMemberAsync(string name)
    {
        var invite = await Send.Send(new CreateInvite(OwnerId));
        var email = $"{Handles.FromName(name)}.{Guid.NewGuid():N}@example.com";
        return await Send.Send(new AcceptInvite(invite.Token, name, email, "member-password"));
    }

    /// <summary>Brings a person in with a role; a guest joins only <paramref name="channelIds"/>.</summary>
    public async Task<Guid> InviteAsync(string name, WorkspaceRole role, params Guid[] channelIds)
    {
        var invite = await Send.Send(new CreateInvite(OwnerId, Role: role, ChannelIds: channelIds));
        var email = $"{Handles.FromName(name)}.{Guid.NewGuid():N}@example.com";
        return await Send.Send(new AcceptInvite(invite.Token, name, email, "member-password"));
    }

    public Task<Guid> GeneralIdAsync() =>
        QueryDbAsync(db => db.Channels.Where(c => c.Name == Channel.General).Select(c => c.Id).SingleAsync());

    public async Task<MessageView> PostAsync(Guid authorId, Guid channelId, string text) =>
        (await Send.Send(new PostMessage(authorId, channelId, text, Guid.NewGuid()), TestContext.Current.CancellationToken)).Message;

    /// <summary>The channel's change counter as stored.</summary>
    public Task<long> ChangeSeqAsync(Guid channelId) =>
        QueryDbAsync(db => db.Channels.Where(c => c.Id == channelId).Select(c => c.ChangeSeq).SingleAsync());

    /// <summary>The message row as stored, untracked.</summary>
    public Task<Message> StoredAsync(Guid messageId) =>
        QueryDbAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.Id == messageId));

    /// <summary>Runs <paramref name="work"/> against the database directly, for checks the product's queries don't make.</summary>
    public async Task<T> QueryDbAsync<T>(Func<WorkspaceDb, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<WorkspaceDb>());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _drop();
        if (Directory.Exists(StoragePath))
            Directory.Delete(StoragePath, recursive: true);
    }

    private static (DatabaseProvider, string, Func<Task>) CreateSqlite()
    {
        var file = Path.Combine(Path.GetTempPath(), $"workspace-test-{Guid.NewGuid():N}.db");
        return (DatabaseProvider.Sqlite, $"Data Source={file}", () =>
        {
            // Pooled connections: opening the file for every query made SQLite runs several times slower.
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
                File.Delete(path);
            return Task.CompletedTask;
        });
    }

    private static async Task<(DatabaseProvider, string, Func<Task>)> CreatePostgresAsync()
    {
        var server = Environment.GetEnvironmentVariable("WORKSPACE_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            const string why = "WORKSPACE_TEST_POSTGRES is not set, so there is no PostgreSQL server to test against (./test.sh starts one).";
            if (Environment.GetEnvironmentVariable("CI") is "true" or "1")
                Assert.Fail(why);
            Assert.Skip(why);
        }
        var name = $"workspace_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        return (DatabaseProvider.Postgres, connectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        });
    }
}
