using Mediator;
using Workspace.Domain.Authorization;
using Workspace.Domain.Common;
using Workspace.Domain.EventLog;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Realtime;

namespace Workspace.Domain.Channels;

public sealed record LeaveChannel(Guid ActorId, Guid ChannelId) : ICommand<Unit>, IChannelRequest;

public sealed class LeaveChannelHandler(WorkspaceDb db, PendingEvents events, TimeProvider clock) : ICommandHandler<LeaveChannel, Unit>
{
    public async ValueTask<Unit> Handle(LeaveChannel command, CancellationToken cancellationToken)
    {
        var (channel, membership) = await db.FindMembershipAsync(command.ActorId, command.ChannelId, cancellationToken);
        channel.EnsureMembersCanBeRemoved();
        if (channel.IsDirect)
            throw new DomainException("You can't leave a direct conversation.");
        db.Memberships.Remove(membership);
        db.Log(LoggedEvent.Membership(command.ActorId, channel.Id, isMember: false, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        events.Add(new MembershipChanged(command.ActorId, channel.Id, IsMember: false));
        return Unit.Value;
    }
}
