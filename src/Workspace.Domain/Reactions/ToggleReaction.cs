using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.EventLog;
using Workspace.Domain.Messages;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Realtime;

namespace Workspace.Domain.Reactions;

/// <summary>Adds the actor's emoji to a message, or takes it away when it is already there.</summary>
public sealed record ToggleReaction(Guid ActorId, Guid MessageId, string Emoji) : ICommand<MessageView>, IMessageRequest;

public sealed class ToggleReactionValidator : AbstractValidator<ToggleReaction>
{
    public ToggleReactionValidator() => RuleFor(c => c.Emoji)
        .Must(emoji => emoji is not null && EmojiCatalog.Contains(emoji))
        .WithMessage("Pick a reaction from the emoji list.");
}

public sealed class ToggleReactionHandler(WorkspaceDb db, PendingEvents events, TimeProvider clock)
    : ICommandHandler<ToggleReaction, MessageView>
{
    public async ValueTask<MessageView> Handle(ToggleReaction command, CancellationToken cancellationToken)
    {
        var (message, channel, membership) = await db.FindMessageAsync(command.ActorId, command.MessageId, cancellationToken);
        if (membership is null)
            throw new ForbiddenException($"Join #{channel.Name} first.");
        channel.EnsureOpen();

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Taking the change seq first holds the channel row's lock, so the distinct-emoji count below cannot race.
            var changeSeq = await db.NextChangeOfAsync(message, cancellationToken);
            var reactions = db.Reactions.Where(r => r.MessageId == message.Id);
            var removed = await reactions.Where(r => r.UserId == command.ActorId && r.Emoji == command.Emoji)
                .ExecuteDeleteAsync(cancellationToken);
            if (removed == 0)
            {
                var distinct = await reactions.Select(r => r.Emoji).Distinct().ToListAsync(cancellationToken);
                if (!distinct.Contains(command.Emoji) && distinct.Count >= Reaction.MaxDistinctPerMessage)
                    throw new DomainException($"A message can have at most {Reaction.MaxDistinctPerMessage} different reactions.");
                db.Reactions.Add(new Reaction(message.Id, command.ActorId, command.Emoji, clock.GetUtcNow()));
            }
            message.Touch(changeSeq);
            db.Log(LoggedEvent.Reacted(message, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        var view = await db.ViewAsync(message.Id, cancellationToken);
        events.Add(new MessageChanged(view));
        return view;
    }
}
