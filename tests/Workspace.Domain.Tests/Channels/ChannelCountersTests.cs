using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Channels;

public sealed class ChannelCountersTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>
    /// A post checked before the channel was archived takes its numbers after: the counters, read under the row's
    /// lock, refuse it, and its transaction leaves nothing behind.
    /// </summary>
    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task NextNumbers_WhenTheChannelWasArchivedMeanwhile_RefuseAndChangeNothing(string provider)
    {
        await using var workspace = await TestWorkspace.CreateAsync(provider);
        var random = await workspace.Send.Send(new CreateChannel(workspace.OwnerId, "random", IsPrivate: false), Cancel);
        await workspace.PostAsync(workspace.OwnerId, random.Id, "before");
        await workspace.QueryDbAsync(db => db.Channels.Where(c => c.Id == random.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.IsArchived, true), Cancel));

        foreach (var take in new Func<Persistence.WorkspaceDb, Task>[]
        {
            db => db.NextMessageAsync(random.Id, workspace.OwnerId, Cancel),
            db => db.NextChangeAsync(random.Id, Cancel),
        })
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() => workspace.QueryDbAsync(async db =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
                await take(db);
                await transaction.CommitAsync(Cancel);
                return 0;
            }));
            Assert.Equal("#random is archived.", refused.Message);
        }

        var counters = await workspace.QueryDbAsync(db => db.Channels.Where(c => c.Id == random.Id)
            .Select(c => new { c.LastSeq, c.ChangeSeq }).SingleAsync(Cancel));
        Assert.Equal((1L, 1L), (counters.LastSeq, counters.ChangeSeq));
        // On PostgreSQL the poster's read pointer moves in the statement that takes the numbers: rolled back with them.
        var pointer = await workspace.QueryDbAsync(db => db.Memberships
            .Where(m => m.ChannelId == random.Id && m.UserId == workspace.OwnerId).Select(m => m.LastReadSeq).SingleAsync(Cancel));
        Assert.Equal(1L, pointer);
    }
}
