using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Common;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Integrations;

/// <summary>Who a webhook URL posts as and where, or null for an unknown or revoked one. Anyone holding the URL may ask.</summary>
public sealed record FindIncomingWebhook(string Token) : IQuery<WebhookTarget?>;

public sealed record WebhookTarget(Guid BotId, Guid ChannelId);

public sealed class FindIncomingWebhookHandler(WorkspaceDb db) : IQueryHandler<FindIncomingWebhook, WebhookTarget?>
{
    public async ValueTask<WebhookTarget?> Handle(FindIncomingWebhook query, CancellationToken cancellationToken)
    {
        var hash = Tokens.Hash(query.Token);
        return await db.IncomingWebhooks.Where(h => h.TokenHash == hash && h.RevokedAt == null)
            .Select(h => new WebhookTarget(h.BotId, h.ChannelId))
            .AsNoTracking()
            .SingleOrDefaultAsync(cancellationToken);
    }
}
