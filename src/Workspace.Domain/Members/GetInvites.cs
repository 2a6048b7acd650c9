using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Members;

/// <summary>Invite links that can still be used, newest first, for admins to review or revoke.</summary>
public sealed record GetInvites(Guid ActorId) : IQuery<IReadOnlyList<PendingInvite>>, IActorRequest;

public sealed record PendingInvite(Guid Id, string? Email, WorkspaceRole Role, string CreatedBy, DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt);

public sealed class GetInvitesHandler(WorkspaceDb db, TimeProvider clock) : IQueryHandler<GetInvites, IReadOnlyList<PendingInvite>>
{
    public async ValueTask<IReadOnlyList<PendingInvite>> Handle(GetInvites query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var invites = await db.Invites.AsNoTracking()
            .Where(i => i.UsedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderByDescending(i => i.CreatedAt)
            .Join(db.Users, i => i.CreatedById, u => u.Id, (i, u) => new { Invite = i, u.DisplayName })
            .ToListAsync(cancellationToken);
        return invites.Select(x => new PendingInvite(x.Invite.Id, x.Invite.Email, x.Invite.Role, x.DisplayName, x.Invite.CreatedAt,
                x.Invite.ExpiresAt))
            .ToList();
    }
}
