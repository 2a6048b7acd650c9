using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.DirectMessages;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Admin;

/// <summary>Who is in a channel, for an admin managing it from outside (private channels included).</summary>
public sealed record GetAdminChannelMembers(Guid ActorId, Guid ChannelId) : IQuery<IReadOnlyList<Participant>>, IChannelRequest;

public sealed class GetAdminChannelMembersHandler(WorkspaceDb db)
    : IQueryHandler<GetAdminChannelMembers, IReadOnlyList<Participant>>
{
    public async ValueTask<IReadOnlyList<Participant>> Handle(GetAdminChannelMembers query, CancellationToken cancellationToken)
    {
        var channel = await db.FindManagedAsync(query.ChannelId, cancellationToken);
        return await (from m in db.Memberships
                      join u in db.Users on m.UserId equals u.Id
                      where m.ChannelId == channel.Id
                      orderby u.DisplayName
                      select new Participant(u.Id, u.Handle, u.DisplayName))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
    }
}
