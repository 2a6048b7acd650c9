using FluentValidation;
using Mediator;
using Workspace.Domain.Authorization;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;
using Workspace.Domain.Reactions;

namespace Workspace.Domain.Profiles;

/// <summary>A person says what they are up to, until <paramref name="ExpiresAt"/> (null: until they clear it).</summary>
public sealed record SetStatus(Guid ActorId, string Text, string Emoji, DateTimeOffset? ExpiresAt) : ICommand, IActorRequest;

public sealed class SetStatusValidator : AbstractValidator<SetStatus>
{
    public SetStatusValidator()
    {
        RuleFor(c => c.Text).MaximumLength(User.MaxStatusTextLength)
            .WithMessage($"A status is at most {User.MaxStatusTextLength} characters.");
        RuleFor(c => c.Emoji).Must(e => e.Length == 0 || EmojiCatalog.Contains(e))
            .WithMessage("Pick an emoji from the list.");
        RuleFor(c => c).Must(c => !string.IsNullOrWhiteSpace(c.Text) || c.Emoji.Length > 0)
            .WithMessage("Type a status or pick an emoji.").OverridePropertyName(nameof(SetStatus.Text));
    }
}

public sealed class SetStatusHandler(WorkspaceDb db, TimeProvider clock) : ICommandHandler<SetStatus>
{
    public async ValueTask<Unit> Handle(SetStatus command, CancellationToken cancellationToken)
    {
        var me = await db.ActorAsync(command.ActorId, cancellationToken);
        me.SetStatus(command.Text, command.Emoji, command.ExpiresAt, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
