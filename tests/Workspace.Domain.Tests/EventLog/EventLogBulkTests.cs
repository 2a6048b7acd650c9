using Microsoft.EntityFrameworkCore;
using Workspace.Domain.EventLog;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.EventLog;

public sealed class EventLogBulkTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task Insert_StoresEveryEventAsSavingItWould_NumberedAfterTheLastAcrossStatements(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await workspace.GeneralIdAsync();
        var at = new DateTimeOffset(2026, 12, 6, 11, 45, 30, 123, TimeSpan.Zero);
        var saved = await SaveOneAsync(workspace, general, at);
        // More than one statement's worth, each a different reader.
        var readers = Enumerable.Range(0, 501).Select(_ => Guid.NewGuid()).ToList();
        var bulk = readers.Select((reader, i) => LoggedEvent.Read(reader, general, i, at.AddMilliseconds(i))).ToList();

        await workspace.QueryDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
            await db.InsertAsync(bulk, Cancel);
            await transaction.CommitAsync(Cancel);
            return 0;
        });

        var stored = await workspace.QueryDbAsync(db => db.EventLog.AsNoTracking().Where(e => e.Id >= saved.Id).OrderBy(e => e.Id).ToListAsync(Cancel));
        Assert.Equal(Enumerable.Range(0, 502).Select(i => saved.Id + i), stored.Select(e => e.Id));
        Assert.Equivalent(saved, stored[0]);
        for (var i = 0; i < bulk.Count; i++)
        {
            Assert.Equal((EventKinds.ChannelRead, general, readers[i], (Guid?)null, (long?)i, true, at.AddMilliseconds(i)),
                (stored[i + 1].Kind, stored[i + 1].ChannelId, stored[i + 1].UserId, stored[i + 1].MessageId, stored[i + 1].Value,
                    stored[i + 1].Personal, stored[i + 1].At));
        }
        // What a reader of the log asks, in SQL, finds them: times and ids compare as saved ones do.
        Assert.Equal(502, await workspace.QueryDbAsync(db => db.EventLog.CountAsync(e => e.At >= saved.At && e.Kind == EventKinds.ChannelRead && e.Personal, Cancel)));
    }

    /// <summary>A post's one event: on PostgreSQL numbered and inserted by one statement.</summary>
    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task Insert_OfOneEvent_StoresItAsSavingWould_NumberedNextAndTellsItsId(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var general = await workspace.GeneralIdAsync();
        var at = new DateTimeOffset(2026, 12, 7, 8, 50, 0, 321, TimeSpan.Zero);
        var saved = await SaveOneAsync(workspace, general, at);
        var one = LoggedEvent.Read(Guid.NewGuid(), general, 4, at.AddSeconds(1));

        await workspace.QueryDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
            await db.InsertAsync([one], Cancel);
            await transaction.CommitAsync(Cancel);
            return 0;
        });

        Assert.Equal(saved.Id + 1, one.Id);
        var stored = await workspace.QueryDbAsync(db => db.EventLog.AsNoTracking().SingleAsync(e => e.Id == one.Id, Cancel));
        Assert.Equivalent(one, stored);
        var head = await workspace.QueryDbAsync(db => db.EventLogHead.AsNoTracking().SingleAsync(Cancel));
        Assert.Equal(one.Id, head.LastId);
    }

    /// <summary>An event saved the usual way, through the change tracker: what the direct inserts are compared with.</summary>
    private static async Task<LoggedEvent> SaveOneAsync(TestWorkspace workspace, Guid channel, DateTimeOffset at)
    {
        var saved = LoggedEvent.Read(workspace.OwnerId, channel, 7, at);
        await workspace.QueryDbAsync(async db =>
        {
            db.Log(saved);
            return await db.SaveChangesAsync(Cancel);
        });
        return saved;
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task Insert_OutsideATransaction_IsRefused(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);

        await Assert.ThrowsAsync<InvalidOperationException>(() => workspace.QueryDbAsync(async db =>
        {
            await db.InsertAsync([LoggedEvent.Read(workspace.OwnerId, Guid.NewGuid(), 1, DateTimeOffset.UtcNow)], Cancel);
            return 0;
        }));
    }
}
