using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.Common;
using Workspace.Domain.EventLog;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Realtime;

namespace Workspace.Domain.Channels;

/// <summary>Anyone may join a public channel; they start with it read, as in every chat tool.</summary>
public sealed record JoinChannel(Guid ActorId, Guid ChannelId) : ICommand<Unit>, IChannelRequest;

public sealed class JoinChannelHandler(WorkspaceDb db, PendingEvents events, TimeProvider clock) : ICommandHandler<JoinChannel, Unit>
{
    public async ValueTask<Unit> Handle(JoinChannel command, CancellationToken cancellationToken)
    {
        var (channel, membership) = await db.FindVisibleAsync(command.ActorId, command.ChannelId, cancellationToken);
        if (membership is not null)
            return Unit.Value;
        channel.EnsureOpen();
        db.Memberships.Add(new Membership(channel.Id, command.ActorId, channel.LastSeq, clock.GetUtcNow()));
        db.Log(LoggedEvent.Membership(command.ActorId, channel.Id, isMember: true, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The same person joined from another tab at the same moment; that request tells the sidebar.
            return Unit.Value;
        }
        events.Add(new MembershipChanged(command.ActorId, channel.Id, IsMember: true));
        return Unit.Value;
    }
}
