using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Audit;
using Workspace.Domain.Authorization;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Integrations;

/// <summary>An admin switches a webhook off: its URL fails from then on. What it posted stays.</summary>
public sealed record RevokeIncomingWebhook(Guid ActorId, Guid WebhookId) : ICommand<Unit>, IActorRequest;

public sealed class RevokeIncomingWebhookHandler(WorkspaceDb db, AuditLog audit, TimeProvider clock)
    : ICommandHandler<RevokeIncomingWebhook, Unit>
{
    public async ValueTask<Unit> Handle(RevokeIncomingWebhook command, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var hook = await db.IncomingWebhooks.SingleOrDefaultAsync(h => h.Id == command.WebhookId, cancellationToken)
            ?? throw new NotFoundException("There is no such webhook.");
        if (hook.RevokedAt is not null)
            return Unit.Value;
        hook.Revoke(clock.GetUtcNow());
        audit.Add(actor, AuditActions.WebhookRevoked, hook.Name);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
