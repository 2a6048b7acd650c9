using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Audit;
using Workspace.Domain.Authorization;
using Workspace.Domain.Common;
using Workspace.Domain.EventLog;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;

namespace Workspace.Domain.Channels;

/// <summary>Admins and the channel's creator may rename it.</summary>
public sealed record RenameChannel(Guid ActorId, Guid ChannelId, string NewName) : ICommand<ChannelRef>, IChannelRequest;

public sealed class RenameChannelValidator : AbstractValidator<RenameChannel>
{
    public RenameChannelValidator() => RuleFor(c => c.NewName).ValidChannelName();
}

public sealed class RenameChannelHandler(WorkspaceDb db, PendingEvents events, AuditLog audit, TimeProvider clock)
    : ICommandHandler<RenameChannel, ChannelRef>
{
    public async ValueTask<ChannelRef> Handle(RenameChannel command, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        // Admins manage every channel, private ones they are not in included; anyone else (and anything that is not
        // a channel to manage, such as a conversation) goes through what the actor can see.
        var managed = actor.IsAdmin
            ? await db.Channels.SingleOrDefaultAsync(c => c.Id == command.ChannelId && c.Kind != ChannelKind.Direct, cancellationToken)
            : null;
        var channel = managed ?? (await db.FindVisibleAsync(actor.Id, command.ChannelId, cancellationToken)).Channel;
        var oldName = channel.Name;
        channel.Rename(actor, command.NewName);
        if (channel.Name != oldName)
        {
            audit.Add(actor, AuditActions.ChannelRenamed, $"#{channel.Name}", $"was #{oldName}");
            db.Log(LoggedEvent.ChannelUpdated(channel.Id, clock.GetUtcNow()));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            throw new DomainException(ChannelNames.Taken(command.NewName));
        }
        events.Add(channel.Updated());
        return new ChannelRef(channel.Id, channel.Name);
    }
}
