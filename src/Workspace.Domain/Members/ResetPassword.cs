using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Audit;
using Workspace.Domain.Common;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Members;

/// <summary>
/// Someone signed out opens a password reset link and chooses a new password. The link is used up, every other
/// session of theirs ends, and a lockout from failed attempts is lifted.
/// </summary>
public sealed record ResetPassword(string Token, string NewPassword) : ICommand<Unit>;

public sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
{
    public ResetPasswordValidator()
    {
        RuleFor(c => c.Token).NotEmpty().WithMessage(ResetPasswordHandler.InvalidLink);
        RuleFor(c => c.NewPassword).Password();
    }
}

public sealed class ResetPasswordHandler(WorkspaceDb db, UserManager<User> users, AuditLog audit, TimeProvider clock)
    : ICommandHandler<ResetPassword, Unit>
{
    public const string InvalidLink = "This password reset link is not valid any more. Ask an admin for a new one.";

    public async ValueTask<Unit> Handle(ResetPassword command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var hash = Tokens.Hash(command.Token);
        var now = clock.GetUtcNow();
        var reset = await db.PasswordResets.SingleOrDefaultAsync(r => r.TokenHash == hash, cancellationToken);
        if (reset is null || !reset.CanBeUsed(now))
            throw new DomainException(InvalidLink);
        // Claimed with a conditional update, so that two uses of one link cannot both go through.
        if (await db.PasswordResets.Where(r => r.Id == reset.Id && r.UsedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.UsedAt, now), cancellationToken) == 0)
            throw new DomainException(InvalidLink);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == reset.UserId && u.DeactivatedAt == null, cancellationToken)
            ?? throw new DomainException(InvalidLink);

        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, command.NewPassword);
            problems.AddRange(result.Errors.Select(e => e.Description));
        }
        if (problems.Count > 0)
            throw new InvalidInputException(problems);
        user.PasswordHash = users.PasswordHasher.HashPassword(user, command.NewPassword);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        audit.Add(user, AuditActions.PasswordReset, user.NameAndHandle);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
