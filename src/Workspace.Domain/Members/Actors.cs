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
        await db.FindUserAsync(actorId, cancellationToken) is { DeactivatedAt: null } actor
            ? actor
            : throw new ForbiddenException(SignIn);

    /// <summary>
    /// A person by key, as <c>DbSet.FindAsync</c> finds one (the context's tracked copy first), but by a compiled
    /// query: FindAsync builds its query anew and looks it up in the query cache on every call, which cost about a
    /// fifth of an API post's CPU (docs/benchmarks.md).
    /// </summary>
    public static async ValueTask<User?> FindUserAsync(this WorkspaceDb db, Guid id, CancellationToken cancellationToken) =>
        db.Tracked<User>().FindEntry(id)?.Entity ?? await UserById.For(db)(db, id, cancellationToken);

    private static readonly PerModel<Func<WorkspaceDb, Guid, CancellationToken, Task<User?>>> UserById = new(() =>
        EF.CompileAsyncQuery((WorkspaceDb db, Guid id, CancellationToken _) => db.Users.FirstOrDefault(u => u.Id == id)));
}
