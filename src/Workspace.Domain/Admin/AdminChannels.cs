using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Admin;

internal static class AdminChannels
{
    /// <summary>
    /// A channel an admin manages without being in it, private ones included. Direct conversations are never
    /// channels to manage: they belong to the people in them alone.
    /// </summary>
    public static async Task<Channel> FindManagedAsync(this WorkspaceDb db, Guid channelId, CancellationToken cancellationToken) =>
        await db.Channels.SingleOrDefaultAsync(c => c.Id == channelId && c.Kind != ChannelKind.Direct, cancellationToken)
        ?? throw new NotFoundException(ChannelAccess.NotFound);

    public static Task<List<Guid>> MemberIdsAsync(this WorkspaceDb db, Guid channelId, CancellationToken cancellationToken) =>
        db.Memberships.Where(m => m.ChannelId == channelId).Select(m => m.UserId).ToListAsync(cancellationToken);
}
