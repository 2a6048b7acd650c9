using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Common;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Members;

internal static class Actors
{
    /// <summary>The person a command acts for; an unknown id is refused like a signed-out visitor.</summary>
    public static async Task<User> ActorAsync(this WorkspaceDb db, Guid actorId, CancellationToken cancellationToken) =>
        await db.Users.SingleOrDefaultAsync(u => u.Id == actorId, cancellationToken)
        ?? throw new ForbiddenException("Sign in to continue.");
}
