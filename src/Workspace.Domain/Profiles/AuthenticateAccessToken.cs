using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Profiles;

/// <summary>
/// Whose token this is: the user id, or null for an unknown or revoked token or a deactivated account. A command,
/// not a query, because it records when the token was last used (at most once a minute per token).
/// </summary>
public sealed record AuthenticateAccessToken(string Token) : ICommand<Guid?>;

public sealed class AuthenticateAccessTokenHandler(WorkspaceDb db, TimeProvider clock) : ICommandHandler<AuthenticateAccessToken, Guid?>
{
    public async ValueTask<Guid?> Handle(AuthenticateAccessToken command, CancellationToken cancellationToken)
    {
        if (!command.Token.StartsWith(AccessToken.Prefix, StringComparison.Ordinal))
            return null;
        var hash = Tokens.Hash(command.Token);
        var found = await LiveTokenByHash.For(db)(db, hash, cancellationToken);
        if (found is null)
            return null;

        var now = clock.GetUtcNow();
        var stale = now - AccessToken.UseResolution;
        // Most calls come within the minute and write nothing: not even an UPDATE that matches no row, which would
        // still take SQLite's write lock on every API call. Conditional too, so that concurrent calls write once.
        if (found.LastUsedAt is null || found.LastUsedAt <= stale)
            await db.AccessTokens.Where(t => t.Id == found.Id && (t.LastUsedAt == null || t.LastUsedAt <= stale))
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        return found.User.Id;
    }

    private sealed record TokenUse(Guid Id, DateTimeOffset? LastUsedAt, User User);

    /// <summary>
    /// Compiled: every API call asks it (see <c>Actors.FindUserAsync</c> for what that saves). The owner is tracked:
    /// a call that shares this scope (<see cref="Pipeline.Sender.ShareOneScope"/>) finds its actor without asking again.
    /// </summary>
    private static readonly PerModel<Func<WorkspaceDb, string, CancellationToken, Task<TokenUse?>>> LiveTokenByHash = new(() =>
        EF.CompileAsyncQuery((WorkspaceDb db, string hash, CancellationToken _) =>
            (from t in db.AccessTokens
             join u in db.Users on t.UserId equals u.Id
             where t.TokenHash == hash && t.RevokedAt == null && u.DeactivatedAt == null
             select new TokenUse(t.Id, t.LastUsedAt, u))
            .SingleOrDefault()));
}
