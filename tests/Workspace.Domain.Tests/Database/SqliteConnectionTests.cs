using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Database;

public sealed class SqliteConnectionTests
{
    [Fact]
    public async Task Connections_FromTheAppsDbContext_CarryNoFunctionsToRegisterOnEveryOpen()
    {
        await using var workspace = await TestWorkspace.CreateAsync(TestWorkspace.Sqlite);

        var refused = await workspace.QueryDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT ef_add(1, 2)";
            return await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        });

        Assert.Contains("no such function: ef_add", refused.Message);
    }
}
