using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Messages;
using Workspace.Domain.Persistence;
using Workspace.Domain.Tests.Support;
using Workspace.Domain.Unread;

namespace Workspace.Domain.Tests.Durability;

/// <summary>
/// Statements sent past EF Core (<c>DirectSql</c>): rows stored as EF Core would store them; on SQLite a statement's
/// command kept, and so prepared, while its connection is open; every run binding its own parameters.
/// </summary>
public sealed class DirectSqlTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task InsertRows_StoreEachRowAsSavingItWould_ManyStatementsForManyRows(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await workspace.GeneralIdAsync();
        var at = new DateTimeOffset(2026, 12, 6, 14, 45, 30, 123, TimeSpan.Zero);
        var saved = new Message(general, 1_000, 1_000, workspace.OwnerId, "saved *by EF*", "<p>saved <em>by EF</em></p>", Guid.NewGuid(), at);
        saved.PostedBy("Deploy bot", "rocket");
        await workspace.QueryDbAsync(db =>
        {
            db.Messages.Add(saved);
            return db.SaveChangesAsync(Cancel);
        });
        // Nineteen columns a row: more rows than one statement's parameters take.
        var direct = Enumerable.Range(1, 2 * DirectSql.ParametersPerStatement / 19 + 1)
            .Select(i => new Message(general, 1_000 + i, 1_000 + i, workspace.OwnerId, $"direct {i}", $"<p>direct {i}</p>", Guid.NewGuid(), at.AddMilliseconds(i)))
            .ToList();
        direct[0].PostedBy("Deploy bot", "rocket");

        await workspace.QueryDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
            await db.InsertRowsAsync(direct, Cancel);
            await transaction.CommitAsync(Cancel);
            return 0;
        });

        var stored = await workspace.QueryDbAsync(db =>
            db.Messages.AsNoTracking().Where(m => m.ChannelId == general && m.Seq >= 1_000).OrderBy(m => m.Seq).ToListAsync(Cancel));
        Assert.Equal(direct.Count + 1, stored.Count);
        Assert.Equivalent(saved, stored[0]);
        for (var i = 0; i < direct.Count; i++)
            Assert.Equivalent(direct[i], stored[i + 1]);
        // What the app asks in SQL finds them: times, ids and nulls compare as saved ones do.
        Assert.Equal(direct.Count + 1, await workspace.QueryDbAsync(db => db.Messages.CountAsync(m =>
            m.CreatedAt >= at && m.AuthorId == workspace.OwnerId && m.ThreadRootId == null && m.DeletedAt == null, Cancel)));
        Assert.Equal(2, await workspace.QueryDbAsync(db => db.Messages.CountAsync(m => m.PostedAs == "Deploy bot", Cancel)));
        var last = direct[^1];
        Assert.Equal(last.Id, await workspace.QueryDbAsync(db =>
            db.Messages.Where(m => m.ClientMessageId == last.ClientMessageId).Select(m => m.Id).SingleAsync(Cancel)));
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task InsertRows_OutsideATransaction_AreRefused(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await workspace.GeneralIdAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => workspace.QueryDbAsync(async db =>
        {
            await db.InsertRowsAsync([new Message(general, 1, 1, workspace.OwnerId, "x", "<p>x</p>", Guid.NewGuid(), DateTimeOffset.UtcNow)], Cancel);
            return 0;
        }));
    }

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
