using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Audit;
using Workspace.Domain.Authorization;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Integrations;

/// <summary>
/// An admin lets outgoing webhooks call loopback, private and link-local addresses (a receiver on the same host or
/// network), or stops them again.
/// </summary>
public sealed record AllowPrivateNetworkTargets(Guid ActorId, bool Allowed) : ICommand<Unit>, IActorRequest;

public sealed class AllowPrivateNetworkTargetsHandler(WorkspaceDb db, AuditLog audit) : ICommandHandler<AllowPrivateNetworkTargets, Unit>
{
    public async ValueTask<Unit> Handle(AllowPrivateNetworkTargets command, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var settings = await db.Settings.SingleAsync(cancellationToken);
        if (settings.AllowPrivateNetworkTargets == command.Allowed)
            return Unit.Value;
        settings.AllowPrivateNetworks(command.Allowed);
        audit.Add(actor, AuditActions.WorkspaceUpdated, settings.Name,
            command.Allowed ? "outgoing webhooks may call private network addresses" : "outgoing webhooks call public addresses only");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
