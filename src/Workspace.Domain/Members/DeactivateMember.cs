using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Audit;
using Workspace.Domain.Authorization;
using Workspace.Domain.Common;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Realtime;

namespace Workspace.Domain.Members;

/// <summary>
/// An admin switches an account off: it is signed out everywhere at once, including open pages, and cannot sign
/// in; its messages stay. Only an owner deactivates an owner, and nobody deactivates themselves.
/// </summary>
public sealed record DeactivateMember(Guid ActorId, Guid UserId) : ICommand<Unit>, IActorRequest;

public sealed class DeactivateMemberHandler(WorkspaceDb db, PendingEvents events, AuditLog audit, TimeProvider clock)
    : ICommandHandler<DeactivateMember, Unit>
{
    public async ValueTask<Unit> Handle(DeactivateMember command, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var person = await db.Users.SingleOrDefaultAsync(u => u.Id == command.UserId, cancellationToken)
            ?? throw new NotFoundException(MemberAdministration.NoSuchPerson);
        if (person.Id == actor.Id)
            throw new DomainException("You cannot deactivate your own account.");
        if (person.Role == WorkspaceRole.Owner && actor.Role != WorkspaceRole.Owner)
            throw new ForbiddenException("Only an owner can deactivate an owner.");
        if (!person.IsActive)
            return Unit.Value;
        person.Deactivate(clock.GetUtcNow());
        audit.Add(actor, AuditActions.MemberDeactivated, person.NameAndHandle);
        await db.SaveChangesAsync(cancellationToken);
        events.Add(new AccountChanged(person.Id));
        return Unit.Value;
    }
}

/// <summary>An admin lets a deactivated person back in with their old channels; they sign in again.</summary>
public sealed record ReactivateMember(Guid ActorId, Guid UserId) : ICommand<Unit>, IActorRequest;

public sealed class ReactivateMemberHandler(WorkspaceDb db, AuditLog audit) : ICommandHandler<ReactivateMember, Unit>
{
    public async ValueTask<Unit> Handle(ReactivateMember command, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var person = await db.Users.SingleOrDefaultAsync(u => u.Id == command.UserId, cancellationToken)
            ?? throw new NotFoundException(MemberAdministration.NoSuchPerson);
        if (person.Role == WorkspaceRole.Owner && actor.Role != WorkspaceRole.Owner)
            throw new ForbiddenException("Only an owner can reactivate an owner.");
        if (person.IsActive)
            return Unit.Value;
        person.Reactivate();
        audit.Add(actor, AuditActions.MemberReactivated, person.NameAndHandle);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
