using Mediator;
using Workspace.Domain.Audit;
using Workspace.Domain.Authorization;
using Workspace.Domain.EventLog;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Realtime;

namespace Workspace.Domain.Admin;

/// <summary>An admin brings an archived channel back: writable again, and back in its members' sidebars.</summary>
public sealed record UnarchiveChannel(Guid ActorId, Guid ChannelId) : ICommand<Unit>, IChannelRequest;

public sealed class UnarchiveChannelHandler(WorkspaceDb db, PendingEvents events, AuditLog audit, TimeProvider clock)
    : ICommandHandler<UnarchiveChannel, Unit>
{
    public async ValueTask<Unit> Handle(UnarchiveChannel command, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var channel = await db.FindManagedAsync(command.ChannelId, cancellationToken);
        if (!channel.IsArchived)
            return Unit.Value;
        channel.Unarchive();
        db.Log(LoggedEvent.ChannelUpdated(channel.Id, clock.GetUtcNow()));
        audit.Add(actor, AuditActions.ChannelUnarchived, $"#{channel.Name}");
        await db.SaveChangesAsync(cancellationToken);
        events.Add(channel.Updated());
        foreach (var memberId in await db.MemberIdsAsync(channel.Id, cancellationToken))
            events.Add(new ChannelUnarchived(memberId, channel.Id));
        return Unit.Value;
    }
}
