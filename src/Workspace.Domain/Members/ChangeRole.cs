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
/// An admin makes someone a guest, member or admin; only an owner touches owners, and there is always at least
/// one. Ownership is handed over by making someone else an owner, then stepping down.
/// </summary>
public sealed record ChangeRole(Guid ActorId, Guid UserId, WorkspaceRole Role) : ICommand<Unit>, IActorRequest;

public sealed class ChangeRoleHandler(WorkspaceDb db, PendingEvents events, AuditLog audit) : ICommandHandler<ChangeRole, Unit>
{
    public async ValueTask<Unit> Handle(ChangeRole command, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var person = await db.Users.SingleOrDefaultAsync(u => u.Id == command.UserId, cancellationToken)
            ?? throw new NotFoundException(MemberAdministration.NoSuchPerson);
        if (command.Role == person.Role)
            return Unit.Value;
        if (command.Role == WorkspaceRole.Bot || person.Role == WorkspaceRole.Bot)
            throw new DomainException("Bots keep their role; manage them with the workspace's integrations.");
        if (!Enum.IsDefined(command.Role))
            throw new DomainException("There is no such role.");
        if ((command.Role == WorkspaceRole.Owner || person.Role == WorkspaceRole.Owner) && actor.Role != WorkspaceRole.Owner)
            throw new ForbiddenException("Only an owner can make someone an owner or change an owner's role.");

        // Owners take turns here, so two of them cannot both step down and leave the workspace without one.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Settings.ExecuteUpdateAsync(set => set.SetProperty(s => s.Name, s => s.Name), cancellationToken);
        if (person.Role == WorkspaceRole.Owner
            && !await db.Users.AnyAsync(u => u.Role == WorkspaceRole.Owner && u.Id != person.Id && u.DeactivatedAt == null, cancellationToken))
            throw new DomainException("The workspace needs an owner: make someone else an owner first.");
        var before = person.Role;
        person.ChangeRole(command.Role);
        audit.Add(actor, AuditActions.RoleChanged, person.NameAndHandle,
            $"{before.Label().ToLowerInvariant()} → {command.Role.Label().ToLowerInvariant()}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events.Add(new AccountChanged(person.Id));
        return Unit.Value;
    }
}
