using Mediator;
using Workspace.Domain.Audit;
using Workspace.Domain.Authorization;
using Workspace.Domain.EventLog;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;

namespace Workspace.Domain.Admin;

/// <summary>
/// An admin turns a public channel private: from then on only its members see it. There is no way back (see
/// <see cref="Channels.Channel.MakePrivate"/>).
/// </summary>
public sealed record MakeChannelPrivate(Guid ActorId, Guid ChannelId) : ICommand<Unit>, IChannelRequest;

public sealed class MakeChannelPrivateHandler(WorkspaceDb db, PendingEvents events, AuditLog audit, TimeProvider clock)
    : ICommandHandler<MakeChannelPrivate, Unit>
{
    public async ValueTask<Unit> Handle(MakeChannelPrivate command, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var channel = await db.FindManagedAsync(command.ChannelId, cancellationToken);
        channel.MakePrivate();
        db.Log(LoggedEvent.ChannelUpdated(channel.Id, clock.GetUtcNow()));
        audit.Add(actor, AuditActions.ChannelMadePrivate, $"#{channel.Name}");
        await db.SaveChangesAsync(cancellationToken);
        // A non-member reading it leaves; members' pages and sidebars show the lock.
        events.Add(channel.Updated());
        return Unit.Value;
    }
}
