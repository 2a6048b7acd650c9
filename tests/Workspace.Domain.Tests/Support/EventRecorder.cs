using Workspace.Domain.Realtime;

namespace Workspace.Domain.Tests.Support;

/// <summary>
/// Follows some streams and keeps what arrives, in order. Tests wait for an event instead of sleeping; the
/// timeout only turns a missing event into a failure.
/// </summary>
public sealed class EventRecorder : IDisposable
{
    private static readonly TimeSpan FailAfter = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly List<ChatEvent> _received = [];
    private readonly List<(Func<ChatEvent, bool> Match, TaskCompletionSource<ChatEvent> Arrived)> _waiters = [];
    private readonly IChatSubscription _subscription;

    public EventRecorder(IChatEvents events, params string[] streams)
    {
        _subscription = events.Subscribe(OnEvent);
        foreach (var stream in streams)
            _subscription.Follow(stream);
    }

    public IReadOnlyList<ChatEvent> Received
    {
        get
        {
            lock (_gate)
                return [.. _received];
        }
    }

    /// <summary>The first event (already received or still to come) of type <typeparamref name="T"/> that matches.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool>? match = null) where T : ChatEvent
    {
        bool Matches(ChatEvent e) => e is T typed && (match is null || match(typed));
        TaskCompletionSource<ChatEvent> arrived;
        lock (_gate)
        {
            if (_received.FirstOrDefault(Matches) is T seen)
                return seen;
            arrived = new TaskCompletionSource<ChatEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((Matches, arrived));
        }
        return (T)await arrived.Task.WaitAsync(FailAfter, TestContext.Current.CancellationToken);
    }

    public void Unfollow(string stream) => _subscription.Unfollow(stream);

    public void Dispose() => _subscription.Dispose();

    private Task OnEvent(ChatEvent chatEvent)
    {
        lock (_gate)
        {
            _received.Add(chatEvent);
            foreach (var waiter in _waiters.Where(w => w.Match(chatEvent)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Arrived.TrySetResult(chatEvent);
            }
        }
        return Task.CompletedTask;
    }
}
