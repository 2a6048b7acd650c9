using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Profiles;

/// <summary>The actor's own tokens that still work, newest first; never the secrets.</summary>
public sealed record GetAccessTokens(Guid ActorId) : IQuery<IReadOnlyList<AccessTokenView>>, IActorRequest;

public sealed record AccessTokenView(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);

public sealed class GetAccessTokensHandler(WorkspaceDb db) : IQueryHandler<GetAccessTokens, IReadOnlyList<AccessTokenView>>
{
    public async ValueTask<IReadOnlyList<AccessTokenView>> Handle(GetAccessTokens query, CancellationToken cancellationToken)
    {
        var tokens = await db.AccessTokens.AsNoTracking()
            .Where(t => t.UserId == query.ActorId && t.RevokedAt == null)
            .Select(t => new AccessTokenView(t.Id, t.Name, t.CreatedAt, t.LastUsedAt))
            .ToListAsync(cancellationToken);
        // Ids are version 7 (time-ordered); sorting here keeps SQLite's numeric timestamps out of the question.
        return tokens.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).ToList();
    }
}
