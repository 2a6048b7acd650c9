using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Channels;

public sealed record BrowsedChannel(Guid Id, string Name, string Topic, bool IsPrivate, int MemberCount, bool IsMember);

/// <summary>Every public channel, and the private ones the person is already in; nothing else exists for them.</summary>
public sealed record BrowseChannels(Guid ActorId) : IQuery<IReadOnlyList<BrowsedChannel>>, IActorRequest;

public sealed class BrowseChannelsHandler(WorkspaceDb db) : IQueryHandler<BrowseChannels, IReadOnlyList<BrowsedChannel>>
{
    public async ValueTask<IReadOnlyList<BrowsedChannel>> Handle(BrowseChannels query, CancellationToken cancellationToken) =>
        await db.Channels
            .Where(c => !c.IsArchived && c.Kind != ChannelKind.Direct)
            .Select(c => new
            {
                Channel = c,
                IsMember = db.Memberships.Any(m => m.ChannelId == c.Id && m.UserId == query.ActorId),
                MemberCount = db.Memberships.Count(m => m.ChannelId == c.Id),
            })
            .Where(x => x.Channel.Kind == ChannelKind.Public || x.IsMember)
            .OrderBy(x => x.Channel.Name)
            .Select(x => new BrowsedChannel(x.Channel.Id, x.Channel.Name, x.Channel.Topic,
                x.Channel.Kind == ChannelKind.Private, x.MemberCount, x.IsMember))
            .ToListAsync(cancellationToken);
}
