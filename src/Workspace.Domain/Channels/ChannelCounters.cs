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
        var counters = await TakeAsync(db, $"""
            UPDATE channels SET "LastSeq" = "LastSeq" + 1, "ChangeSeq" = "ChangeSeq" + 1 WHERE "Id" = {channelId}
            RETURNING "LastSeq", "ChangeSeq", "IsArchived", "Name"
            """, cancellationToken);
        return (counters.LastSeq, counters.ChangeSeq);
    }

    /// <summary>Takes the next change seq for an edit, delete or reaction; same locking as <see cref="NextMessageAsync"/>.</summary>
    public static async Task<long> NextChangeAsync(this WorkspaceDb db, Guid channelId, CancellationToken cancellationToken)
    {
        var counters = await TakeAsync(db, $"""
            UPDATE channels SET "ChangeSeq" = "ChangeSeq" + 1 WHERE "Id" = {channelId}
            RETURNING "LastSeq", "ChangeSeq", "IsArchived", "Name"
            """, cancellationToken);
        return counters.ChangeSeq;
    }

    /// <summary>
    /// One statement takes the numbers and reads them under the lock it took: a channel archived while the write
    /// waited refuses it here (the caller's transaction then rolls back), so nothing lands in an archived channel
    /// however the two interleave.
    /// </summary>
    private static async Task<Counters> TakeAsync(WorkspaceDb db, FormattableString update, CancellationToken cancellationToken)
    {
        var counters = (await db.Database.SqlQuery<Counters>(update).ToListAsync(cancellationToken)).Single();
        if (counters.IsArchived)
            throw new DomainException($"#{counters.Name} is archived.");
        return counters;
    }

    private sealed class Counters
    {
        public long LastSeq { get; init; }
        public long ChangeSeq { get; init; }
        public bool IsArchived { get; init; }
        public string Name { get; init; } = "";
    }
}
