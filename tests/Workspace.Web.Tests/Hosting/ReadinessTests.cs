using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Domain.Persistence;
using Workspace.Web.Hosting;

namespace Workspace.Web.Tests.Hosting;

public sealed class ReadinessTests
{
    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task ProblemAsync_UntilTheDatabaseExistsWithEveryMigration_SaysWhatIsMissing()
    {
        var file = Path.Combine(Path.GetTempPath(), $"workspace-readiness-{Guid.NewGuid():N}.db");
        var readiness = new Readiness();
        try
        {
            await using var services = new ServiceCollection().AddLogging()
                .AddWorkspaceDatabase(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False").BuildServiceProvider();

            await using (var scope = services.CreateAsyncScope())
                Assert.Equal("The database cannot be reached.",
                    await readiness.ProblemAsync(scope.ServiceProvider.GetRequiredService<WorkspaceDb>(), Cancel));

            // An empty database, as a new volume or a restore of the wrong file would give.
            await using (var empty = new SqliteConnection($"Data Source={file};Pooling=False"))
                await empty.OpenAsync(Cancel);
            await using (var scope = services.CreateAsyncScope())
                Assert.Matches(@"^The database is missing \d+ migration\(s\), the first \w+\.$",
                    await readiness.ProblemAsync(scope.ServiceProvider.GetRequiredService<WorkspaceDb>(), Cancel));

            await DatabaseSetup.MigrateAsync(services, Cancel);

            await using (var scope = services.CreateAsyncScope())
                Assert.Null(await readiness.ProblemAsync(scope.ServiceProvider.GetRequiredService<WorkspaceDb>(), Cancel));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
                File.Delete(path);
        }
    }
}
