using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Audit;
using Workspace.Domain.Authorization;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.EventLog;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Realtime;

namespace Workspace.Domain.Admin;

/// <summary>An admin puts someone in any channel, a private one they are not in included.</summary>
public sealed record AdminAddChannelMember(Guid ActorId, Guid ChannelId, string Handle) : ICommand<Unit>, IChannelRequest;

public sealed class AdminAddChannelMemberHandler(WorkspaceDb db, PendingEvents events, AuditLog audit, TimeProvider clock)
    : ICommandHandler<AdminAddChannelMember, Unit>
{
    public async ValueTask<Unit> Handle(AdminAddChannelMember command, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var channel = await db.FindManagedAsync(command.ChannelId, cancellationToken);
        channel.EnsureOpen();
        var handle = command.Handle.Trim().TrimStart('@').ToLowerInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Handle == handle && u.DeactivatedAt == null, cancellationToken)
            ?? throw new NotFoundException($"No one in this workspace has the handle @{handle}.");
        if (await db.Memberships.AnyAsync(m => m.ChannelId == channel.Id && m.UserId == user.Id, cancellationToken))
            return Unit.Value;
        db.Memberships.Add(new Membership(channel.Id, user.Id, channel.LastSeq, clock.GetUtcNow()));
        db.Log(LoggedEvent.Membership(user.Id, channel.Id, isMember: true, clock.GetUtcNow()));
        audit.Add(actor, AuditActions.ChannelMemberAdded, $"#{channel.Name}", $"@{user.Handle}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Added at the same moment by someone else, whose request tells the sidebar and keeps the record.
            return Unit.Value;
        }
        events.Add(new MembershipChanged(user.Id, channel.Id, IsMember: true));
        return Unit.Value;
    }
}
