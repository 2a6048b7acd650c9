using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Channels;

public sealed record SidebarChannel(Guid Id, string Name, bool IsPrivate, long LastSeq, long LastReadSeq)
{
    public long Unread => Math.Max(0, LastSeq - LastReadSeq);
}

/// <summary>The channels a person belongs to, with unread counts taken from two counters, never from counting rows.</summary>
public sealed record GetSidebar(Guid ActorId) : IQuery<IReadOnlyList<SidebarChannel>>;

public sealed class GetSidebarHandler(WorkspaceDb db) : IQueryHandler<GetSidebar, IReadOnlyList<SidebarChannel>>
{
    public async ValueTask<IReadOnlyList<SidebarChannel>> Handle(GetSidebar query, CancellationToken cancellationToken) =>
        await (from m in db.Memberships
               join c in db.Channels on m.ChannelId equals c.Id
               where m.UserId == query.ActorId && !c.IsArchived
               orderby c.Name
               select new SidebarChannel(c.Id, c.Name, c.Kind == ChannelKind.Private, c.LastSeq, m.LastReadSeq))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
}
