using Workspace.Domain.Realtime;

namespace Workspace.Domain.Pipeline;

/// <summary>Events a handler raised; <see cref="PublishEventsBehavior{TMessage,TResponse}"/> publishes them once it has returned.</summary>
public sealed class PendingEvents
{
    private readonly List<ChatEvent> _events = [];

    public void Add(ChatEvent chatEvent) => _events.Add(chatEvent);

    internal IReadOnlyList<ChatEvent> TakeAll()
    {
        var events = _events.ToArray();
        _events.Clear();
        return events;
    }
}
