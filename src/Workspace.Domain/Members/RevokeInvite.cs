using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Audit;
using Workspace.Domain.Authorization;
using Workspace.Domain.Common;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Members;

/// <summary>An admin takes back an invite link that has not been used; it fails from then on.</summary>
public sealed record RevokeInvite(Guid ActorId, Guid InviteId) : ICommand<Unit>, IActorRequest;

public sealed class RevokeInviteHandler(WorkspaceDb db, AuditLog audit, TimeProvider clock) : ICommandHandler<RevokeInvite, Unit>
{
    public async ValueTask<Unit> Handle(RevokeInvite command, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var invite = await db.Invites.SingleOrDefaultAsync(i => i.Id == command.InviteId, cancellationToken)
            ?? throw new NotFoundException("There is no such invite.");
        var now = clock.GetUtcNow();
        invite.Revoke(now);
        // Revoking races with someone joining: the conditional update lets exactly one of them have the link.
        if (await db.Invites.Where(i => i.Id == invite.Id && i.UsedAt == null && i.RevokedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.RevokedAt, now), cancellationToken) == 0)
            throw new DomainException("This invite link has just been used.");
        db.Entry(invite).State = EntityState.Unchanged;
        audit.Add(actor, AuditActions.InviteRevoked, invite.Email ?? "a link for anyone");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
