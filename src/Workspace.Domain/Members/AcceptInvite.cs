using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Audit;
using Workspace.Domain.Common;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Members;

/// <summary>
/// A person joins through an invite link: their account with the invite's role, their first channels, and the
/// link used up. Returns their id.
/// </summary>
public sealed record AcceptInvite(string Token, string Name, string Email, string Password) : ICommand<Guid>;

public sealed class AcceptInviteValidator : AbstractValidator<AcceptInvite>
{
    public AcceptInviteValidator()
    {
        RuleFor(c => c.Token).NotEmpty().WithMessage(GetInviteHandler.UnknownLink);
        RuleFor(c => c.Name).DisplayName();
        RuleFor(c => c.Email).Email();
        RuleFor(c => c.Password).Password();
    }
}

public sealed class AcceptInviteHandler(WorkspaceDb db, NewMembers members, AuditLog audit, TimeProvider clock)
    : ICommandHandler<AcceptInvite, Guid>
{
    public async ValueTask<Guid> Handle(AcceptInvite command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var hash = Tokens.Hash(command.Token);
        var invite = await db.Invites.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken)
            ?? throw new DomainException(GetInviteHandler.UnknownLink);
        var now = clock.GetUtcNow();
        if (invite.Problem(now) is { } problem)
            throw new DomainException(problem);
        if (invite.Email is { } email && !string.Equals(email, command.Email.Trim(), StringComparison.OrdinalIgnoreCase))
            throw new DomainException($"This invite is for {email}.");
        // On PostgreSQL two people can both read the link as unused: claiming it with a conditional update lets
        // one through, and the other waits for the row lock and then finds it used.
        if (await db.Invites.Where(i => i.Id == invite.Id && i.UsedAt == null && i.RevokedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.UsedAt, now), cancellationToken) == 0)
        {
            await db.Entry(invite).ReloadAsync(cancellationToken);
            throw new DomainException(invite.Problem(now) ?? GetInviteHandler.UnknownLink);
        }

        var user = await members.CreateAsync(command.Name, command.Email, command.Password, invite.Role, cancellationToken);
        invite.Use(user.Id, now);
        await members.JoinFirstChannelsAsync(user, invite.ChannelIds, cancellationToken);
        audit.Add(user, AuditActions.InviteAccepted, user.Email ?? "", $"as {invite.Role.Label().ToLowerInvariant()}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user.Id;
    }
}
