using Npgsql;

namespace Workspace.E2E.Support;

/// <summary>
/// A database of its own on the PostgreSQL server that test.sh starts (WORKSPACE_TEST_POSTGRES), dropped afterwards.
/// Without one the test is skipped, saying why, except in CI, where it fails.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string server;
    private readonly string name;

    private PostgresDatabase(string server, string name)
    {
        this.server = server;
        this.name = name;
    }

    /// <summary>Server settings that put the app on this database.</summary>
    public (string Key, string Value)[] Settings =>
    [
        ("Database:Provider", "Postgres"),
        ("ConnectionStrings:Workspace", new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString()),
    ];

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable("WORKSPACE_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            const string why = "WORKSPACE_TEST_POSTGRES is not set, so there is no PostgreSQL server to test against (./test.sh starts one).";
            if (Environment.GetEnvironmentVariable("CI") is "true" or "1")
                Assert.Fail(why);
            Assert.Skip(why);
        }
        var name = $"workspace_e2e_{Guid.NewGuid():N}";
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
        await create.ExecuteNonQueryAsync();
        return new PostgresDatabase(server, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
