using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Unread;

internal static class ReadPointers
{
    /// <summary>
    /// One conditional UPDATE rather than read-modify-write, so two tabs reading at once can never move the
    /// pointer backwards. False when it was already there or further (or the person is not a member).
    /// </summary>
    public static async Task<bool> AdvanceReadPointerAsync(this WorkspaceDb db, Guid userId, Guid channelId, long seq,
        CancellationToken cancellationToken) =>
        await db.Memberships
            .Where(m => m.ChannelId == channelId && m.UserId == userId && m.LastReadSeq < seq)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.LastReadSeq, seq), cancellationToken) > 0;
}
