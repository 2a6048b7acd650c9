using Mediator;
using Workspace.Domain.Authorization;
using Workspace.Domain.Common;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Members;

/// <summary>An admin makes a single-use invite link. Returns the token; only its hash is stored.</summary>
public sealed record CreateInvite(Guid ActorId) : ICommand<CreatedInvite>, IActorRequest;

public sealed record CreatedInvite(string Token, DateTimeOffset ExpiresAt);

public sealed class CreateInviteHandler(WorkspaceDb db, TimeProvider clock) : ICommandHandler<CreateInvite, CreatedInvite>
{
    public async ValueTask<CreatedInvite> Handle(CreateInvite command, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        actor.EnsureAdmin("invite people");
        var token = Tokens.New();
        var now = clock.GetUtcNow();
        var invite = new Invite(Tokens.Hash(token), actor.Id, now, now + Invite.DefaultLifetime);
        db.Invites.Add(invite);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedInvite(token, invite.ExpiresAt);
    }
}
