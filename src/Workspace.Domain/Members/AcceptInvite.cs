using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Common;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Members;

/// <summary>A person joins through an invite link: their account, #general, and the link used up. Returns their id.</summary>
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

public sealed class AcceptInviteHandler(WorkspaceDb db, NewMembers members, TimeProvider clock)
    : ICommandHandler<AcceptInvite, Guid>
{
    public async ValueTask<Guid> Handle(AcceptInvite command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var hash = Tokens.Hash(command.Token);
        var invite = await db.Invites.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken)
            ?? throw new DomainException(GetInviteHandler.UnknownLink);
        if (invite.Problem(clock.GetUtcNow()) is { } problem)
            throw new DomainException(problem);

        var user = await members.CreateAsync(command.Name, command.Email, command.Password, WorkspaceRole.Member, cancellationToken);
        invite.Use(user.Id, clock.GetUtcNow());
        await members.JoinGeneralAsync(user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user.Id;
    }
}
