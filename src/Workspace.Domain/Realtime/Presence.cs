using System.Collections.Concurrent;

namespace Workspace.Domain.Realtime;

/// <summary>Who has the app open right now: a count of live connections per person. What <c>@here</c> reaches.</summary>
public sealed class Presence
{
    private readonly ConcurrentDictionary<Guid, int> _connections = new();

    public bool IsOnline(Guid userId) => _connections.TryGetValue(userId, out var count) && count > 0;

    public void Connected(Guid userId) => _connections.AddOrUpdate(userId, 1, (_, count) => count + 1);

    public void Disconnected(Guid userId)
    {
        while (_connections.TryGetValue(userId, out var count))
        {
            var done = count <= 1
                ? _connections.TryRemove(new KeyValuePair<Guid, int>(userId, count))
                : _connections.TryUpdate(userId, count - 1, count);
            if (done)
                return;
        }
    }
}
