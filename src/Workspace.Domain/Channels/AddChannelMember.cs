using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.Common;
using Workspace.Domain.EventLog;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Realtime;

namespace Workspace.Domain.Channels;

/// <summary>A member brings someone else into a channel (as when a mention names a non-member).</summary>
public sealed record AddChannelMember(Guid ActorId, Guid ChannelId, string Handle) : ICommand<Unit>, IChannelRequest;

public sealed class AddChannelMemberHandler(WorkspaceDb db, PendingEvents events, TimeProvider clock)
    : ICommandHandler<AddChannelMember, Unit>
{
    public async ValueTask<Unit> Handle(AddChannelMember command, CancellationToken cancellationToken)
    {
        var (channel, _) = await db.FindMembershipAsync(command.ActorId, command.ChannelId, cancellationToken);
        channel.EnsureOpen();
        if (channel.IsDirect)
            throw new DomainException("People can't be added to a direct conversation; start a new one with them.");
        var handle = command.Handle.Trim().TrimStart('@').ToLowerInvariant();
        var userId = await db.Users.Where(u => u.Handle == handle).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"No one in this workspace has the handle @{handle}.");
        if (await db.Memberships.AnyAsync(m => m.ChannelId == channel.Id && m.UserId == userId, cancellationToken))
            return Unit.Value;
        db.Memberships.Add(new Membership(channel.Id, userId, channel.LastSeq, clock.GetUtcNow()));
        db.Log(LoggedEvent.Membership(userId, channel.Id, isMember: true, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return Unit.Value;
        }
        events.Add(new MembershipChanged(userId, channel.Id, IsMember: true));
        return Unit.Value;
    }
}
