using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Audit;
using Workspace.Domain.Authorization;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Members;

/// <summary>
/// An admin makes a single-use invite link, optionally for one email address, with the role the person will
/// have; a guest invite names the channels the guest may use. Returns the token; only its hash is stored.
/// </summary>
public sealed record CreateInvite(Guid ActorId, string? Email = null, WorkspaceRole Role = WorkspaceRole.Member,
    IReadOnlyList<Guid>? ChannelIds = null) : ICommand<CreatedInvite>, IActorRequest
{
    public IReadOnlyList<Guid> ChannelIds { get; init; } = ChannelIds ?? [];
}

public sealed record CreatedInvite(Guid Id, string Token, DateTimeOffset ExpiresAt);

public sealed class CreateInviteValidator : AbstractValidator<CreateInvite>
{
    public CreateInviteValidator()
    {
        When(c => !string.IsNullOrWhiteSpace(c.Email), () => RuleFor(c => c.Email!).Email());
        RuleFor(c => c.Role).Must(r => r is WorkspaceRole.Member or WorkspaceRole.Guest or WorkspaceRole.Admin)
            .WithMessage("Invite people as members, guests or admins.");
        RuleFor(c => c.ChannelIds).Must(ids => ids.Count > 0).When(c => c.Role == WorkspaceRole.Guest)
            .WithMessage("Choose at least one channel for a guest.");
        RuleFor(c => c.ChannelIds).Must(ids => ids.Count <= 50).WithMessage("Choose at most 50 channels.");
    }
}

public sealed class CreateInviteHandler(WorkspaceDb db, AuditLog audit, TimeProvider clock) : ICommandHandler<CreateInvite, CreatedInvite>
{
    public async ValueTask<CreatedInvite> Handle(CreateInvite command, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var email = command.Email?.Trim();
        if (!string.IsNullOrEmpty(email) && await db.Users.AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant(), cancellationToken))
            throw new DomainException("Someone with this email address is already in the workspace.");
        var ids = command.ChannelIds.Distinct().ToList();
        var channels = await db.Channels.Where(c => ids.Contains(c.Id) && c.Kind != ChannelKind.Direct && !c.IsArchived)
            .Select(c => c.Name).ToListAsync(cancellationToken);
        if (channels.Count != ids.Count)
            throw new DomainException("Invites can only name channels that exist and are not archived.");

        var token = Tokens.New();
        var now = clock.GetUtcNow();
        var invite = new Invite(Tokens.Hash(token), actor.Id, now, now + Invite.DefaultLifetime, email, command.Role, ids);
        db.Invites.Add(invite);
        audit.Add(actor, AuditActions.InviteCreated, string.IsNullOrEmpty(email) ? "a link for anyone" : email,
            $"as {command.Role.Label().ToLowerInvariant()}" + (channels.Count > 0 ? $" to {string.Join(", ", channels.Order().Select(n => "#" + n))}" : ""));
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedInvite(invite.Id, token, invite.ExpiresAt);
    }
}
