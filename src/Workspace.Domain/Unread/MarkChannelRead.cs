using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.EventLog;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Realtime;

namespace Workspace.Domain.Unread;

/// <summary>
/// Moves the person's read pointer up to <paramref name="Seq"/> (never past the newest message, never backwards)
/// and tells their other tabs. Returns the pointer.
/// </summary>
public sealed record MarkChannelRead(Guid ActorId, Guid ChannelId, long Seq) : ICommand<long>, IChannelRequest;

public sealed class MarkChannelReadHandler(WorkspaceDb db, PendingEvents events, TimeProvider clock) : ICommandHandler<MarkChannelRead, long>
{
    public async ValueTask<long> Handle(MarkChannelRead command, CancellationToken cancellationToken)
    {
        var lastSeq = await db.Channels.Where(c => c.Id == command.ChannelId).Select(c => c.LastSeq)
            .SingleOrDefaultAsync(cancellationToken);
        var target = Math.Min(command.Seq, lastSeq);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (await db.AdvanceReadPointerAsync(command.ActorId, command.ChannelId, target, cancellationToken))
            {
                db.Log(LoggedEvent.Read(command.ActorId, command.ChannelId, target, clock.GetUtcNow()));
                await db.SaveChangesAsync(cancellationToken);
                events.Add(new ChannelRead(command.ActorId, command.ChannelId, target));
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return await db.Memberships
            .Where(m => m.ChannelId == command.ChannelId && m.UserId == command.ActorId)
            .Select(m => m.LastReadSeq)
            .SingleOrDefaultAsync(cancellationToken);
    }
}
