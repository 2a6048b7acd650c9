using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Channels;
using Workspace.Domain.Mentions;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Realtime;
using Workspace.Domain.Unread;

namespace Workspace.Domain.Messages;

/// <summary>
/// Posts a message to a channel the actor belongs to. The same <paramref name="ClientMessageId"/> from the same
/// author always answers with the first message, so a retried send never posts twice.
/// </summary>
public sealed record PostMessage(Guid ActorId, Guid ChannelId, string Text, Guid ClientMessageId) : ICommand<PostedMessage>;

/// <param name="Created">False when this was a repeat of a send that had already been stored.</param>
/// <param name="NotInChannel">Handles the text names who are not members, so were not notified.</param>
public sealed record PostedMessage(MessageView Message, bool Created, IReadOnlyList<string>? NotInChannel = null)
{
    public IReadOnlyList<string> NotInChannel { get; init; } = NotInChannel ?? [];
}

public sealed class PostMessageValidator : AbstractValidator<PostMessage>
{
    public PostMessageValidator()
    {
        RuleFor(c => c.Text).MessageText();
        RuleFor(c => c.ClientMessageId).NotEmpty().WithMessage("A message needs a client message id.");
    }
}

public sealed class PostMessageHandler(WorkspaceDb db, PendingEvents events, Presence presence, TimeProvider clock)
    : ICommandHandler<PostMessage, PostedMessage>
{
    public async ValueTask<PostedMessage> Handle(PostMessage command, CancellationToken cancellationToken)
    {
        if (await FindRepeatAsync(command, cancellationToken) is { } repeat)
            return new PostedMessage(repeat, Created: false);

        var (channel, _) = await db.FindMembershipAsync(command.ActorId, command.ChannelId, cancellationToken);
        channel.EnsureOpen();
        var text = MessageRules.Tidy(command.Text);
        var mentions = await MessageMentions.ResolveAsync(db, presence, channel, command.ActorId, text, cancellationToken);
        var html = MarkdownRenderer.ToHtml(text, mentions.Tokens);

        Message message;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var (seq, changeSeq) = await db.NextMessageAsync(channel.Id, cancellationToken);
            message = new Message(channel.Id, seq, changeSeq, command.ActorId, text, html, command.ClientMessageId, clock.GetUtcNow());
            db.Messages.Add(message);
            await db.SaveChangesAsync(cancellationToken);
            await mentions.WriteAsync(db, message, message.CreatedAt, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await db.AdvanceReadPointerAsync(command.ActorId, channel.Id, seq, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The same send raced itself (two requests with one client id): the first one won.
            db.ChangeTracker.Clear();
            var first = await FindRepeatAsync(command, cancellationToken)
                ?? throw new InvalidOperationException("A unique index refused the message but no first copy exists.", e);
            return new PostedMessage(first, Created: false);
        }

        var view = (await db.ToViewsAsync(db.Messages.Where(m => m.Id == message.Id), cancellationToken)).Single();
        events.Add(new MessagePosted(view));
        events.Add(new ChannelRead(command.ActorId, channel.Id, view.Seq));
        return new PostedMessage(view, Created: true, mentions.NotInChannel);
    }

    private async Task<MessageView?> FindRepeatAsync(PostMessage command, CancellationToken cancellationToken) =>
        (await db.ToViewsAsync(
            db.Messages.Where(m => m.AuthorId == command.ActorId && m.ClientMessageId == command.ClientMessageId),
            cancellationToken)).SingleOrDefault();
}
