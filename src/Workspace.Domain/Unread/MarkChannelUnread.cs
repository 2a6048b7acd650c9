using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.EventLog;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Realtime;

namespace Workspace.Domain.Unread;

/// <summary>
/// "Mark unread" on a message: the read pointer moves back to just before it, in every tab the person has open.
/// The one command that moves the pointer backwards. Returns the new pointer.
/// </summary>
public sealed record MarkChannelUnread(Guid ActorId, Guid ChannelId, long Seq) : ICommand<long>, IChannelRequest;

public sealed class MarkChannelUnreadHandler(WorkspaceDb db, PendingEvents events, TimeProvider clock) : ICommandHandler<MarkChannelUnread, long>
{
    public async ValueTask<long> Handle(MarkChannelUnread command, CancellationToken cancellationToken)
    {
        var (channel, _) = await db.FindMembershipAsync(command.ActorId, command.ChannelId, cancellationToken);
        if (command.Seq < 1 || command.Seq > channel.LastSeq)
            throw new NotFoundException(Messages.Message.NotFound);
        var pointer = command.Seq - 1;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.Memberships
                .Where(m => m.ChannelId == channel.Id && m.UserId == command.ActorId)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.LastReadSeq, pointer), cancellationToken);
            db.Log(LoggedEvent.Read(command.ActorId, channel.Id, pointer, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        events.Add(new ChannelMarkedUnread(command.ActorId, channel.Id, pointer));
        return pointer;
    }
}
