using Mediator;
using Workspace.Domain.Audit;
using Workspace.Domain.Authorization;
using Workspace.Domain.EventLog;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;

namespace Workspace.Domain.Admin;

/// <summary>
/// An admin makes a channel read-only and takes it out of sidebars and browsing. Its members can still open it
/// by its address and read it. Archiving an archived channel changes nothing.
/// </summary>
public sealed record ArchiveChannel(Guid ActorId, Guid ChannelId) : ICommand<Unit>, IChannelRequest;

public sealed class ArchiveChannelHandler(WorkspaceDb db, PendingEvents events, AuditLog audit, TimeProvider clock)
    : ICommandHandler<ArchiveChannel, Unit>
{
    public async ValueTask<Unit> Handle(ArchiveChannel command, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var channel = await db.FindManagedAsync(command.ChannelId, cancellationToken);
        if (channel.IsArchived)
            return Unit.Value;
        channel.Archive();
        db.Log(LoggedEvent.ChannelUpdated(channel.Id, clock.GetUtcNow()));
        audit.Add(actor, AuditActions.ChannelArchived, $"#{channel.Name}");
        await db.SaveChangesAsync(cancellationToken);
        // Open pages swap the message box for the archived notice; sidebars following the channel drop it.
        events.Add(channel.Updated());
        return Unit.Value;
    }
}
