using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Audit;
using Workspace.Domain.Authorization;
using Workspace.Domain.Common;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Members;

/// <summary>
/// An admin makes a link with which someone sets a new password (email delivery comes later, so the admin passes
/// it on). A newer link replaces any older one. Returns the token; only its hash is stored.
/// </summary>
public sealed record CreatePasswordResetLink(Guid ActorId, Guid UserId) : ICommand<CreatedPasswordReset>, IActorRequest;

public sealed record CreatedPasswordReset(string Token, DateTimeOffset ExpiresAt);

public sealed class CreatePasswordResetLinkHandler(WorkspaceDb db, AuditLog audit, TimeProvider clock)
    : ICommandHandler<CreatePasswordResetLink, CreatedPasswordReset>
{
    public async ValueTask<CreatedPasswordReset> Handle(CreatePasswordResetLink command, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var person = await db.Users.SingleOrDefaultAsync(u => u.Id == command.UserId, cancellationToken)
            ?? throw new NotFoundException(MemberAdministration.NoSuchPerson);
        if (!person.IsActive)
            throw new DomainException($"{person.DisplayName} is deactivated: reactivate them first.");
        if (person.Role == WorkspaceRole.Bot)
            throw new DomainException("Bots have no password.");
        if (person.Role == WorkspaceRole.Owner && actor.Role != WorkspaceRole.Owner)
            throw new ForbiddenException("Only an owner can reset an owner's password.");

        await db.PasswordResets.Where(r => r.UserId == person.Id && r.UsedAt == null).ExecuteDeleteAsync(cancellationToken);
        var token = Tokens.New();
        var reset = new PasswordReset(Tokens.Hash(token), person.Id, actor.Id, clock.GetUtcNow());
        db.PasswordResets.Add(reset);
        audit.Add(actor, AuditActions.PasswordResetCreated, person.NameAndHandle);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedPasswordReset(token, reset.ExpiresAt);
    }
}
