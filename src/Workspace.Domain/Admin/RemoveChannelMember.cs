using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Audit;
using Workspace.Domain.Authorization;
using Workspace.Domain.Common;
using Workspace.Domain.EventLog;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Realtime;

namespace Workspace.Domain.Admin;

/// <summary>
/// An admin takes someone out of a channel. From a private one that ends their access to it: its history, its
/// permalinks and its live events, at once on every open page.
/// </summary>
public sealed record RemoveChannelMember(Guid ActorId, Guid ChannelId, Guid UserId) : ICommand<Unit>, IChannelRequest;

public sealed class RemoveChannelMemberHandler(WorkspaceDb db, PendingEvents events, AuditLog audit, TimeProvider clock)
    : ICommandHandler<RemoveChannelMember, Unit>
{
    public async ValueTask<Unit> Handle(RemoveChannelMember command, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var channel = await db.FindManagedAsync(command.ChannelId, cancellationToken);
        channel.EnsureMembersCanBeRemoved();
        var member = await (from m in db.Memberships
                            join u in db.Users on m.UserId equals u.Id
                            where m.ChannelId == channel.Id && m.UserId == command.UserId
                            select new { Membership = m, u.Handle })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"That person is not in #{channel.Name}.");
        db.Memberships.Remove(member.Membership);
        db.Log(LoggedEvent.Membership(command.UserId, channel.Id, isMember: false, clock.GetUtcNow()));
        audit.Add(actor, AuditActions.ChannelMemberRemoved, $"#{channel.Name}", $"@{member.Handle}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Removed at the same moment by someone else, whose request tells the member and keeps the record.
            return Unit.Value;
        }
        events.Add(new MembershipChanged(command.UserId, channel.Id, IsMember: false));
        return Unit.Value;
    }
}
