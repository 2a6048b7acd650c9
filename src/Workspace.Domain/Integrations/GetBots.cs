using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Integrations;

/// <summary>
/// The workspace's bots with their live tokens, pictures and outgoing webhooks, and how each webhook's latest delivery
/// went, for admins (webhooks' own bots included).
/// </summary>
public sealed record GetBots(Guid ActorId) : IQuery<IReadOnlyList<BotView>>, IActorRequest;

public sealed record BotView(Guid Id, string Name, string Handle, bool IsActive, int Tokens, DateTimeOffset CreatedAt,
    long AvatarVersion = 0, string? OutgoingUrl = null, DeliveryView? LastDelivery = null, int Waiting = 0);

/// <param name="Attempts">Attempts made so far.</param>
/// <param name="NextAttemptAt">When a pending delivery is tried next.</param>
public sealed record DeliveryView(Guid Id, DeliveryStatus Status, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt, DateTimeOffset? DeliveredAt, int? LastStatusCode, string? LastError);

public sealed class GetBotsHandler(WorkspaceDb db) : IQueryHandler<GetBots, IReadOnlyList<BotView>>
{
    public async ValueTask<IReadOnlyList<BotView>> Handle(GetBots query, CancellationToken cancellationToken)
    {
        var bots = await db.Users.Where(u => u.Role == WorkspaceRole.Bot)
            .OrderBy(u => u.DisplayName)
            .Select(u => new BotView(u.Id, u.DisplayName, u.Handle, u.DeactivatedAt == null,
                db.AccessTokens.Count(t => t.UserId == u.Id && t.RevokedAt == null), u.JoinedAt, u.AvatarVersion,
                db.OutgoingWebhooks.Where(h => h.BotId == u.Id).Select(h => h.Url).FirstOrDefault(), null,
                db.OutgoingDeliveries.Count(d => d.BotId == u.Id && d.Status == DeliveryStatus.Pending)))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var latest = await db.OutgoingDeliveries
            .GroupBy(d => d.BotId)
            .Select(g => g.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).First())
            .AsNoTracking()
            .ToDictionaryAsync(d => d.BotId, cancellationToken);
        return bots.Select(b => latest.TryGetValue(b.Id, out var d)
                ? b with
                {
                    LastDelivery = new DeliveryView(d.Id, d.Status, d.Attempts, d.CreatedAt, d.NextAttemptAt, d.DeliveredAt,
                        d.LastStatusCode, d.LastError),
                }
                : b)
            .ToList();
    }
}
