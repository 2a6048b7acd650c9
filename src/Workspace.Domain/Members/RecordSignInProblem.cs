using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Audit;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Members;

/// <summary>The sign-in page reports a failed password, a lockout or a deactivated account for the audit log.</summary>
public sealed record RecordSignInProblem(string Email, string Action) : ICommand<Unit>;

public sealed class RecordSignInProblemHandler(WorkspaceDb db, AuditLog audit) : ICommandHandler<RecordSignInProblem, Unit>
{
    private static readonly HashSet<string> Problems = [AuditActions.SignInFailed, AuditActions.LockedOut, AuditActions.SignInRefused];

    public async ValueTask<Unit> Handle(RecordSignInProblem command, CancellationToken cancellationToken)
    {
        if (!Problems.Contains(command.Action))
            throw new ArgumentOutOfRangeException(nameof(command), command.Action, "Not a sign-in problem.");
        var email = command.Email.Trim();
        var person = await db.Users.AsNoTracking()
            .SingleOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant(), cancellationToken);
        audit.Add(null, command.Action, email.Length > 254 ? email[..254] : email,
            person is null ? "no account has this address" : person.NameAndHandle);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
