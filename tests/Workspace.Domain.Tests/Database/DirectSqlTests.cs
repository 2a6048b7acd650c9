using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Persistence;
using Workspace.Domain.Tests.Support;
using Workspace.Domain.Unread;

namespace Workspace.Domain.Tests.Database;

/// <summary>
/// Statements sent past EF Core (<c>DirectSql.CreateCommand</c>): on SQLite a statement's command is kept, and so stays
/// prepared, while its connection is open; on PostgreSQL each call gets a new one. Either way every run binds its own
/// parameters.
/// </summary>
public sealed class DirectSqlTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task AStatementRunAgainAndAgain_BindsEachRunsOwnParameters(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await workspace.GeneralIdAsync();

        var (moved, pointer) = await workspace.QueryDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
            var moved = new List<bool>();
            // Past Npgsql's automatic preparation, which comes after five runs of a text on a connection.
            for (var seq = 1L; seq <= 10; seq++)
                moved.Add(await db.AdvanceReadPointerAsync(workspace.OwnerId, general, seq, Cancel));
            var pointer = await db.Memberships.Where(m => m.ChannelId == general && m.UserId == workspace.OwnerId)
                .Select(m => m.LastReadSeq).SingleAsync(Cancel);
            return (moved, pointer);
        });

        Assert.Equal((10, 10L), (moved.Count(m => m), pointer));
    }

    [Fact]
    public async Task CreateCommand_OnSqlite_KeepsOneCommandPerStatementUntilTheConnectionCloses()
    {
        await using var workspace = await TestWorkspace.CreateAsync(TestWorkspace.Sqlite, setUp: false);

        var (first, again, other, afterClosing) = await workspace.QueryDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync(Cancel);
            DbCommand first, again, other;
            await using (await db.Database.BeginTransactionAsync(Cancel))
            {
                first = db.CreateCommand("SELECT 1");
                await first.ExecuteScalarAsync(Cancel);
                again = db.CreateCommand("SELECT 1");
                other = db.CreateCommand("SELECT 2");
            }
            await db.Database.CloseConnectionAsync();
            await using (await db.Database.BeginTransactionAsync(Cancel))
                return (first, again, other, db.CreateCommand("SELECT 1"));
        });

        Assert.Same(first, again);
        Assert.NotSame(first, other);
        Assert.NotSame(first, afterClosing);
    }
}
