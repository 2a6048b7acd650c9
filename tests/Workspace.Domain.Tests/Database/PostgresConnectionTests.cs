using Npgsql;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Tests.Database;

public sealed class PostgresConnectionTests
{
    [Theory]
    [InlineData("Host=db;Database=workspace;Username=workspace", 64)]
    [InlineData("Host=db;Database=workspace;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=workspace;maxautoprepare=10", 10)]
    public void PostgresConnectionFor_PreparesStatementsUnlessTheOperatorSaysOtherwise(string given, int prepared)
    {
        var used = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionFor(given));

        Assert.Equal((prepared, "db", "workspace"), (used.MaxAutoPrepare, used.Host, used.Database));
    }
}
