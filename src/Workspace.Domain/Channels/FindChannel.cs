using Mediator;
using Workspace.Domain.Authorization;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Channels;

/// <summary>
/// A channel the actor can see, by name: all an API call that names its channel needs before it sends its command,
/// which checks the rest. <see cref="OpenChannel"/> would also load the header and count the members, two queries more
/// on every post (docs/benchmarks.md).
/// </summary>
public sealed record FindChannel(Guid ActorId, string Name) : IQuery<ChannelRef>, IChannelNameRequest
{
    string IChannelNameRequest.ChannelName => Name;
}

/// <summary>The same by id, for API calls that name their channel that way.</summary>
public sealed record FindChannelById(Guid ActorId, Guid ChannelId) : IQuery<ChannelRef>, IChannelRequest;

public sealed class FindChannelHandler(WorkspaceDb db) : IQueryHandler<FindChannel, ChannelRef>
{
    public async ValueTask<ChannelRef> Handle(FindChannel query, CancellationToken cancellationToken)
    {
        var (channel, _) = await db.FindVisibleByNameAsync(query.ActorId, query.Name, cancellationToken);
        return new ChannelRef(channel.Id, channel.Name);
    }
}

public sealed class FindChannelByIdHandler(WorkspaceDb db) : IQueryHandler<FindChannelById, ChannelRef>
{
    public async ValueTask<ChannelRef> Handle(FindChannelById query, CancellationToken cancellationToken)
    {
        var (channel, _) = await db.FindVisibleAsync(query.ActorId, query.ChannelId, cancellationToken);
        return new ChannelRef(channel.Id, channel.Name);
    }
}
