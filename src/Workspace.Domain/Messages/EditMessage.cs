using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.EventLog;
using Workspace.Domain.Members;
using Workspace.Domain.Mentions;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Realtime;

namespace Workspace.Domain.Messages;

/// <summary>The author rewrites their message; it shows "(edited)" and every open view updates.</summary>
public sealed record EditMessage(Guid ActorId, Guid MessageId, string Text) : ICommand<MessageView>, IMessageRequest;

public sealed class EditMessageValidator : AbstractValidator<EditMessage>
{
    public EditMessageValidator() => RuleFor(c => c.Text).MessageText();
}

public sealed class EditMessageHandler(WorkspaceDb db, PendingEvents events, Presence presence, TimeProvider clock)
    : ICommandHandler<EditMessage, MessageView>
{
    public async ValueTask<MessageView> Handle(EditMessage command, CancellationToken cancellationToken)
    {
        var (message, channel, membership) = await db.FindMessageAsync(command.ActorId, command.MessageId, cancellationToken);
        if (membership is null)
            throw new ForbiddenException($"Join #{channel.Name} first.");
        channel.EnsureOpen();
        message.EnsureEditableBy(command.ActorId);
        var settings = await db.Settings.AsNoTracking().SingleAsync(cancellationToken);
        settings.EnsureWithinEditWindow(message.CreatedAt, clock.GetUtcNow());
        var text = MessageRules.Tidy(command.Text);
        if (text == message.Text)
            return await db.ViewAsync(message.Id, cancellationToken);

        // Mentions follow the text: whoever the edited message names is who it mentions.
        var markdown = MarkdownRenderer.Parse(text);
        var mentions = await MessageMentions.ResolveAsync(db, presence, channel, command.ActorId, markdown, cancellationToken);
        await mentions.EnsureAllowedAsync(db, await db.ActorAsync(command.ActorId, cancellationToken), cancellationToken);
        var html = markdown.ToHtml(mentions.Tokens);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var changeSeq = await db.NextChangeOfAsync(message, cancellationToken);
            message.Edit(command.ActorId, text, html, changeSeq, clock.GetUtcNow());
            await mentions.ReplaceAsync(db, message, cancellationToken);
            db.Log(LoggedEvent.Edited(message, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        var view = await db.ViewAsync(message.Id, cancellationToken);
        events.Add(new MessageChanged(view));
        return view;
    }
}
