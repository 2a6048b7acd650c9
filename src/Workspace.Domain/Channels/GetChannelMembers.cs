using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.DirectMessages;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Channels;

/// <summary>The people in a channel the actor can see, by name: whom the composer suggests after an @.</summary>
public sealed record GetChannelMembers(Guid ActorId, Guid ChannelId) : IQuery<IReadOnlyList<Participant>>, IChannelRequest;

public sealed class GetChannelMembersHandler(WorkspaceDb db) : IQueryHandler<GetChannelMembers, IReadOnlyList<Participant>>
{
    public async ValueTask<IReadOnlyList<Participant>> Handle(GetChannelMembers query, CancellationToken cancellationToken)
    {
        var (channel, _) = await db.FindVisibleAsync(query.ActorId, query.ChannelId, cancellationToken);
        return await (from m in db.Memberships
                      join u in db.Users on m.UserId equals u.Id
                      where m.ChannelId == channel.Id && u.DeactivatedAt == null
                      orderby u.DisplayName
                      select new Participant(u.Id, u.Handle, u.DisplayName))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
    }
}
