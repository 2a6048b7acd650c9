using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Workspace.Domain.Persistence;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Durability;

public sealed class SqliteSynchronousTests
{
    [Theory]
    [InlineData(SqliteSynchronous.Normal, 1)]
    [InlineData(SqliteSynchronous.Full, 2)]
    public async Task Connections_FromTheAppsDbContext_UseTheChosenSynchronousLevel(SqliteSynchronous chosen, long pragma)
    {
        await using var workspace = await TestWorkspace.CreateAsync(TestWorkspace.Sqlite, synchronous: chosen);

        var level = await workspace.QueryDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA synchronous";
            return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        });

        Assert.Equal(pragma, level);
    }

    [Theory]
    [InlineData(null, SqliteSynchronous.Normal)]
    [InlineData("full", SqliteSynchronous.Full)]
    [InlineData("Normal", SqliteSynchronous.Normal)]
    public void SqliteSynchronousFrom_WhenConfigured_ReadsTheSetting(string? setting, SqliteSynchronous expected) =>
        Assert.Equal(expected, DatabaseSetup.SqliteSynchronousFrom(Configuration(setting)));

    [Theory]
    [InlineData("off")]
    [InlineData("2")]
    public void SqliteSynchronousFrom_WhenUnknown_SaysWhatIsAllowed(string setting)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => DatabaseSetup.SqliteSynchronousFrom(Configuration(setting)));
        Assert.Contains("Normal or Full", refused.Message);
    }

    private static IConfiguration Configuration(string? synchronous) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:SqliteSynchronous"] = synchronous })
        .Build();
}
