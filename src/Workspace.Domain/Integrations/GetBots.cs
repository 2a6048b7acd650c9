using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Integrations;

/// <summary>The workspace's bots with their live tokens, for admins (webhooks' own bots included).</summary>
public sealed record GetBots(Guid ActorId) : IQuery<IReadOnlyList<BotView>>, IActorRequest;

public sealed record BotView(Guid Id, string Name, string Handle, bool IsActive, int Tokens, DateTimeOffset CreatedAt);

public sealed class GetBotsHandler(WorkspaceDb db) : IQueryHandler<GetBots, IReadOnlyList<BotView>>
{
    public async ValueTask<IReadOnlyList<BotView>> Handle(GetBots query, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Role == WorkspaceRole.Bot)
            .OrderBy(u => u.DisplayName)
            .Select(u => new BotView(u.Id, u.DisplayName, u.Handle, u.DeactivatedAt == null,
                db.AccessTokens.Count(t => t.UserId == u.Id && t.RevokedAt == null), u.JoinedAt))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
}
