using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.EventLog;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Realtime;

namespace Workspace.Domain.Messages;

/// <summary>
/// Authors delete their own messages, admins any. The text goes; a tombstone stays so that every open view and
/// every later catch-up removes the message too.
/// </summary>
public sealed record DeleteMessage(Guid ActorId, Guid MessageId) : ICommand<Unit>, IMessageRequest;

public sealed class DeleteMessageHandler(WorkspaceDb db, PendingEvents events, TimeProvider clock)
    : ICommandHandler<DeleteMessage, Unit>
{
    public async ValueTask<Unit> Handle(DeleteMessage command, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var (message, channel, membership) = await db.FindMessageAsync(actor.Id, command.MessageId, cancellationToken);
        if (membership is null && !actor.IsAdmin)
            throw new ForbiddenException($"Join #{channel.Name} first.");
        if (!actor.IsAdmin)
        {
            var settings = await db.Settings.AsNoTracking().SingleAsync(cancellationToken);
            settings.EnsureWithinDeleteWindow(message.CreatedAt, clock.GetUtcNow());
        }

        Message? root = null;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var changeSeq = await db.NextChangeOfAsync(message, cancellationToken);
            message.Delete(actor, changeSeq, clock.GetUtcNow());
            db.Log(LoggedEvent.Deleted(message, clock.GetUtcNow()));
            if (message.ThreadRootId is { } rootId)
            {
                root = await db.Messages.SingleAsync(m => m.Id == rootId, cancellationToken);
                root.ReplyDeleted(await db.NextChangeAsync(channel.Id, cancellationToken));
            }
            await db.Reactions.Where(r => r.MessageId == message.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Mentions.Where(m => m.MessageId == message.Id).ExecuteDeleteAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        events.Add(new MessageChanged(await db.ViewAsync(message.Id, cancellationToken)));
        if (root is not null)
            events.Add(new MessageChanged(await db.ViewAsync(root.Id, cancellationToken)));
        return Unit.Value;
    }
}
