using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Setup;

/// <summary>First run: the workspace, its owner and #general, all or nothing. Returns the owner's id.</summary>
public sealed record SetUpWorkspace(string WorkspaceName, string OwnerName, string Email, string Password) : ICommand<Guid>;

public sealed class SetUpWorkspaceValidator : AbstractValidator<SetUpWorkspace>
{
    public SetUpWorkspaceValidator()
    {
        RuleFor(c => c.WorkspaceName)
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("Enter a name for the workspace.")
            .MaximumLength(WorkspaceSettings.MaxNameLength).WithMessage($"Workspace names are at most {WorkspaceSettings.MaxNameLength} characters.");
        RuleFor(c => c.OwnerName).DisplayName();
        RuleFor(c => c.Email).Email();
        RuleFor(c => c.Password).Password();
    }
}

public sealed class SetUpWorkspaceHandler(WorkspaceDb db, NewMembers members, TimeProvider clock)
    : ICommandHandler<SetUpWorkspace, Guid>
{
    public const string AlreadySetUp = "This workspace is already set up.";

    public async ValueTask<Guid> Handle(SetUpWorkspace command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Settings.AnyAsync(cancellationToken))
            throw new DomainException(AlreadySetUp);

        var now = clock.GetUtcNow();
        db.Settings.Add(new WorkspaceSettings(command.WorkspaceName, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            throw new DomainException(AlreadySetUp);
        }
        var owner = await members.CreateAsync(command.OwnerName, command.Email, command.Password, WorkspaceRole.Owner, cancellationToken);
        db.Channels.Add(new Channel(Channel.General, ChannelKind.Public, owner.Id, now));
        await db.SaveChangesAsync(cancellationToken);
        await members.JoinFirstChannelsAsync(owner, [], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return owner.Id;
    }
}
