using FluentValidation;
using Mediator;
using Workspace.Domain.Audit;
using Workspace.Domain.Authorization;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Integrations;

/// <summary>
/// An admin makes a bot: an account for a script or service, which acts through the API with tokens from
/// <see cref="CreateBotToken"/> and posts in the channels an admin adds it to. Returns its id.
/// </summary>
public sealed record CreateBot(Guid ActorId, string Name) : ICommand<Guid>, IActorRequest;

public sealed class CreateBotValidator : AbstractValidator<CreateBot>
{
    public CreateBotValidator() => RuleFor(c => c.Name)
        .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("Give the bot a name; its messages show it.")
        .MaximumLength(User.MaxDisplayNameLength).WithMessage($"Names are at most {User.MaxDisplayNameLength} characters.");
}

public sealed class CreateBotHandler(WorkspaceDb db, NewMembers members, AuditLog audit)
    : ICommandHandler<CreateBot, Guid>
{
    public async ValueTask<Guid> Handle(CreateBot command, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var bot = await members.CreateBotAsync(command.Name, cancellationToken);
        audit.Add(actor, AuditActions.BotCreated, bot.NameAndHandle);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return bot.Id;
    }
}
