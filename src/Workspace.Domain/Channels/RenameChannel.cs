using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Realtime;

namespace Workspace.Domain.Channels;

/// <summary>Admins and the channel's creator may rename it.</summary>
public sealed record RenameChannel(Guid ActorId, Guid ChannelId, string NewName) : ICommand<ChannelRef>, IChannelRequest;

public sealed class RenameChannelValidator : AbstractValidator<RenameChannel>
{
    public RenameChannelValidator() => RuleFor(c => c.NewName).ValidChannelName();
}

public sealed class RenameChannelHandler(WorkspaceDb db, PendingEvents events) : ICommandHandler<RenameChannel, ChannelRef>
{
    public async ValueTask<ChannelRef> Handle(RenameChannel command, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var (channel, _) = await db.FindVisibleAsync(actor.Id, command.ChannelId, cancellationToken);
        if (channel.Name == Channel.General)
            throw new DomainException("#general keeps its name: everyone finds it there.");
        channel.Rename(actor, command.NewName);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            throw new DomainException(ChannelNames.Taken(command.NewName));
        }
        events.Add(new ChannelUpdated(channel.Id, channel.Name, channel.Topic));
        return new ChannelRef(channel.Id, channel.Name);
    }
}
