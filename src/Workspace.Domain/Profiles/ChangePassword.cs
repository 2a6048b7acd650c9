using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Workspace.Domain.Audit;
using Workspace.Domain.Authorization;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Profiles;

/// <summary>
/// A person picks a new password, proving they know the current one. Identity renews their security stamp, which
/// ends every other session of theirs on its next request; the host signs the current browser in again.
/// </summary>
public sealed record ChangePassword(Guid ActorId, string CurrentPassword, string NewPassword) : ICommand, IActorRequest;

public sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator() => RuleFor(c => c.NewPassword).Password();
}

public sealed class ChangePasswordHandler(WorkspaceDb db, UserManager<User> users, AuditLog audit) : ICommandHandler<ChangePassword>
{
    public const string WrongPassword = "Your current password is not right.";

    public static readonly string PasswordRules =
        $"New passwords are {MemberRules.MinPasswordLength} to {MemberRules.MaxPasswordLength} characters.";

    public async ValueTask<Unit> Handle(ChangePassword command, CancellationToken cancellationToken)
    {
        var me = await db.ActorAsync(command.ActorId, cancellationToken);
        if (!await users.CheckPasswordAsync(me, command.CurrentPassword))
            throw new DomainException(WrongPassword);
        var result = await users.ChangePasswordAsync(me, command.CurrentPassword, command.NewPassword);
        if (!result.Succeeded)
            throw new InvalidInputException(result.Errors.Select(e => e.Description).ToList());
        audit.Add(me, AuditActions.PasswordChanged, $"@{me.Handle}");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
