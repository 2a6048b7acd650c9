using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Integrations;

/// <summary>The workspace's incoming webhooks that still work, newest first, for admins.</summary>
public sealed record GetIncomingWebhooks(Guid ActorId) : IQuery<IReadOnlyList<WebhookView>>, IActorRequest;

public sealed record WebhookView(Guid Id, string Name, string Channel, string BotHandle, string CreatedBy, DateTimeOffset CreatedAt);

public sealed class GetIncomingWebhooksHandler(WorkspaceDb db) : IQueryHandler<GetIncomingWebhooks, IReadOnlyList<WebhookView>>
{
    public async ValueTask<IReadOnlyList<WebhookView>> Handle(GetIncomingWebhooks query, CancellationToken cancellationToken) =>
        await (from h in db.IncomingWebhooks
               join c in db.Channels on h.ChannelId equals c.Id
               join bot in db.Users on h.BotId equals bot.Id
               join creator in db.Users on h.CreatedById equals creator.Id
               where h.RevokedAt == null
               orderby h.CreatedAt descending
               select new WebhookView(h.Id, h.Name, c.Name, bot.Handle, creator.DisplayName, h.CreatedAt))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
}
