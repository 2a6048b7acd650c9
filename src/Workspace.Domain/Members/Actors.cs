using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Common;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Members;

internal static class Actors
{
    public const string SignIn = ForbiddenException.SignIn;

    /// <summary>
    /// The person a command acts for. An unknown or deactivated account is refused like a signed-out visitor, so
    /// a deactivated person's open page can do nothing more.
    /// </summary>
    public static async Task<User> ActorAsync(this WorkspaceDb db, Guid actorId, CancellationToken cancellationToken) =>
        await db.Users.SingleOrDefaultAsync(u => u.Id == actorId && u.DeactivatedAt == null, cancellationToken)
        ?? throw new ForbiddenException(SignIn);
}
