using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Audit;
using Workspace.Domain.Authorization;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Profiles;

/// <summary>A person revokes one of their own tokens; it stops working at once. Anyone else's reads as unknown.</summary>
public sealed record RevokeAccessToken(Guid ActorId, Guid TokenId) : ICommand, IActorRequest;

public sealed class RevokeAccessTokenHandler(WorkspaceDb db, AuditLog audit, TimeProvider clock) : ICommandHandler<RevokeAccessToken>
{
    public const string Unknown = "That token does not exist or was already revoked.";

    public async ValueTask<Unit> Handle(RevokeAccessToken command, CancellationToken cancellationToken)
    {
        var me = await db.ActorAsync(command.ActorId, cancellationToken);
        var token = await db.AccessTokens.SingleOrDefaultAsync(
                t => t.Id == command.TokenId && t.UserId == me.Id && t.RevokedAt == null, cancellationToken)
            ?? throw new NotFoundException(Unknown);
        token.Revoke(clock.GetUtcNow());
        audit.Add(me, AuditActions.TokenRevoked, token.Name);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
