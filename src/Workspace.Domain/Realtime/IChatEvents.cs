namespace Workspace.Domain.Realtime;

public interface IChatEvents
{
    /// <summary>Hands the event to every subscriber of its stream without waiting for any of them.</summary>
    void Publish(ChatEvent chatEvent);

    /// <summary>
    /// Events of the followed streams reach <paramref name="onEvent"/> one at a time, in publish order.
    /// A subscriber that falls too far behind gets <see cref="EventsLost"/> instead of what was dropped.
    /// </summary>
    IChatSubscription Subscribe(Func<ChatEvent, Task> onEvent);
}

public interface IChatSubscription : IDisposable
{
    void Follow(string stream);
    void Unfollow(string stream);
}
