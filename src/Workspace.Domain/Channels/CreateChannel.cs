using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.Common;
using Workspace.Domain.EventLog;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Realtime;
using Workspace.Domain.Setup;

namespace Workspace.Domain.Channels;

public sealed record CreateChannel(Guid ActorId, string Name, bool IsPrivate) : ICommand<ChannelRef>, IActorRequest;

public sealed record ChannelRef(Guid Id, string Name);

public sealed class CreateChannelValidator : AbstractValidator<CreateChannel>
{
    public CreateChannelValidator() => RuleFor(c => c.Name).ValidChannelName();
}

public sealed class CreateChannelHandler(WorkspaceDb db, PendingEvents events, TimeProvider clock)
    : ICommandHandler<CreateChannel, ChannelRef>
{
    public async ValueTask<ChannelRef> Handle(CreateChannel command, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        if (!actor.IsAdmin && await db.Settings.AnyAsync(s => s.ChannelCreation == Permission.AdminsOnly, cancellationToken))
            throw new ForbiddenException("Only admins can create channels in this workspace.");
        var now = clock.GetUtcNow();
        var channel = new Channel(command.Name, command.IsPrivate ? ChannelKind.Private : ChannelKind.Public, actor.Id, now);
        db.Channels.Add(channel);
        db.Memberships.Add(new Membership(channel.Id, actor.Id, lastReadSeq: 0, now));
        db.Log(LoggedEvent.Membership(actor.Id, channel.Id, isMember: true, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            throw new DomainException(ChannelNames.Taken(command.Name));
        }
        events.Add(new MembershipChanged(actor.Id, channel.Id, IsMember: true));
        return new ChannelRef(channel.Id, channel.Name);
    }
}
