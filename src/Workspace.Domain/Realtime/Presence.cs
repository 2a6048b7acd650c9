using System.Collections.Concurrent;

namespace Workspace.Domain.Realtime;

/// <summary>
/// Who has the app open right now: a count of live connections per person on this node, and with
/// <see cref="SharedPresence"/> (PostgreSQL) who is online on the other nodes too. What <c>@here</c> reaches.
/// </summary>
public sealed class Presence(SharedPresence? otherNodes = null)
{
    private readonly ConcurrentDictionary<Guid, int> _connections = new();

    public bool IsOnlineHere(Guid userId) => _connections.TryGetValue(userId, out var count) && count > 0;

    /// <summary>Of these people, those with the app open on this node or any other.</summary>
    public async Task<IReadOnlySet<Guid>> OnlineAmongAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        var online = userIds.Where(IsOnlineHere).ToHashSet();
        var elsewhere = userIds.Where(id => !online.Contains(id)).ToList();
        if (otherNodes is not null && elsewhere.Count > 0)
            online.UnionWith(await otherNodes.OnlineAmongAsync(elsewhere, cancellationToken));
        return online;
    }

    public void Connected(Guid userId)
    {
        if (_connections.AddOrUpdate(userId, 1, (_, count) => count + 1) == 1)
            otherNodes?.Changed(userId);
    }

    public void Disconnected(Guid userId)
    {
        while (_connections.TryGetValue(userId, out var count))
        {
            var done = count <= 1
                ? _connections.TryRemove(new KeyValuePair<Guid, int>(userId, count))
                : _connections.TryUpdate(userId, count - 1, count);
            if (!done)
                continue;
            if (count <= 1)
                otherNodes?.Changed(userId);
            return;
        }
    }
}
