using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Common;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Members;

internal static class Actors
{
    public const string SignIn = ForbiddenException.SignIn;

    /// <summary>
    /// The person a command acts for. An unknown or deactivated account is refused like a signed-out visitor, so
    /// a deactivated person's open page can do nothing more. Found by key, so the access check and the handler of
    /// one command share one query.
    /// </summary>
    public static async Task<User> ActorAsync(this WorkspaceDb db, Guid actorId, CancellationToken cancellationToken) =>
        await db.Users.FindAsync([actorId], cancellationToken) is { DeactivatedAt: null } actor
            ? actor
            : throw new ForbiddenException(SignIn);
}
