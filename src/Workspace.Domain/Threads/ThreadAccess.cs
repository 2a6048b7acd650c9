using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Messages;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Threads;

internal static class ThreadAccess
{
    /// <summary>A thread's first message in a channel the actor can see; anything else reads as not found.</summary>
    public static async Task<(Message Root, Channel Channel)> FindRootAsync(this WorkspaceDb db, Guid actorId, Guid rootId,
        CancellationToken cancellationToken)
    {
        var (root, channel, _) = await db.FindMessageAsync(actorId, rootId, cancellationToken);
        if (root.IsReply)
            throw new NotFoundException(Message.NotFound);
        return (root, channel);
    }
}
