using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Common;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Channels;

internal static class ChannelCounters
{
    /// <summary>
    /// Takes the next message seq and change seq under the channel row's write lock. Must run inside the
    /// transaction that inserts the message, so numbers are gapless and in commit order on every database.
    /// </summary>
    public static async Task<(long Seq, long ChangeSeq)> NextMessageAsync(this WorkspaceDb db, Guid channelId,
        CancellationToken cancellationToken)
    {
        await db.Channels.Where(c => c.Id == channelId).ExecuteUpdateAsync(set => set
            .SetProperty(c => c.LastSeq, c => c.LastSeq + 1)
            .SetProperty(c => c.ChangeSeq, c => c.ChangeSeq + 1), cancellationToken);
        var counters = await CountersAsync(db, channelId, cancellationToken);
        return (counters.LastSeq, counters.ChangeSeq);
    }

    /// <summary>Takes the next change seq for an edit, delete or reaction; same locking as <see cref="NextMessageAsync"/>.</summary>
    public static async Task<long> NextChangeAsync(this WorkspaceDb db, Guid channelId, CancellationToken cancellationToken)
    {
        await db.Channels.Where(c => c.Id == channelId)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ChangeSeq, c => c.ChangeSeq + 1), cancellationToken);
        return (await CountersAsync(db, channelId, cancellationToken)).ChangeSeq;
    }

    /// <summary>
    /// Read under the lock just taken: a channel archived while the write waited refuses it here (the caller's
    /// transaction then rolls back), so nothing lands in an archived channel however the two interleave.
    /// </summary>
    private static async Task<(long LastSeq, long ChangeSeq)> CountersAsync(WorkspaceDb db, Guid channelId,
        CancellationToken cancellationToken)
    {
        var counters = await db.Channels.Where(c => c.Id == channelId)
            .Select(c => new { c.LastSeq, c.ChangeSeq, c.IsArchived, c.Name })
            .SingleAsync(cancellationToken);
        if (counters.IsArchived)
            throw new DomainException($"#{counters.Name} is archived.");
        return (counters.LastSeq, counters.ChangeSeq);
    }
}
