using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Workspace.Domain.Common;

namespace Workspace.Domain.Realtime;

/// <summary>
/// Publish/subscribe within one process. Each subscriber has a bounded queue drained by its own loop, so a
/// slow circuit delays only itself and the publisher never waits.
/// </summary>
public sealed class InProcessChatEvents(ILogger<InProcessChatEvents> logger, WorkspaceMetrics metrics) : IChatEvents
{
    private readonly ILogger _logger = logger;
    private readonly WorkspaceMetrics _metrics = metrics;
    public const int QueueCapacity = 512;

    private readonly ConcurrentDictionary<string, ImmutableArray<Subscription>> _streams = new();

    public void Publish(ChatEvent chatEvent)
    {
        if (_streams.TryGetValue(chatEvent.Stream, out var subscribers))
            foreach (var subscriber in subscribers)
                subscriber.Enqueue(chatEvent);
    }

    public IChatSubscription Subscribe(Func<ChatEvent, Task> onEvent) => new Subscription(this, onEvent);

    /// <summary>The streams someone follows now.</summary>
    public IReadOnlyCollection<string> FollowedStreams => [.. _streams.Keys];

    private void Add(string stream, Subscription subscription) =>
        _streams.AddOrUpdate(stream, _ => [subscription], (_, list) => list.Contains(subscription) ? list : list.Add(subscription));

    private void Remove(string stream, Subscription subscription)
    {
        while (_streams.TryGetValue(stream, out var list))
        {
            var updated = list.Remove(subscription);
            var done = updated.IsEmpty
                ? _streams.TryRemove(new KeyValuePair<string, ImmutableArray<Subscription>>(stream, list))
                : _streams.TryUpdate(stream, updated, list);
            if (done)
                return;
        }
    }

    private sealed class Subscription : IChatSubscription
    {
        private readonly InProcessChatEvents _hub;
        private readonly Func<ChatEvent, Task> _onEvent;
        // Only TryWrite is used, which never waits: in Wait mode it answers false when the queue is full. DropWrite
        // would drop the event and still answer true, and the loss would go unnoticed.
        private readonly Channel<ChatEvent> _queue = Channel.CreateBounded<ChatEvent>(
            new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        private readonly HashSet<string> _streams = [];
        private int _lost;

        public Subscription(InProcessChatEvents hub, Func<ChatEvent, Task> onEvent)
        {
            _hub = hub;
            _onEvent = onEvent;
            _ = Task.Run(PumpAsync);
        }

        public void Enqueue(ChatEvent chatEvent)
        {
            if (!_queue.Writer.TryWrite(chatEvent))
                Interlocked.Exchange(ref _lost, 1);
        }

        public void Follow(string stream)
        {
            lock (_streams)
                if (_streams.Add(stream))
                    _hub.Add(stream, this);
        }

        public void Unfollow(string stream)
        {
            lock (_streams)
                if (_streams.Remove(stream))
                    _hub.Remove(stream, this);
        }

        public void Dispose()
        {
            lock (_streams)
            {
                foreach (var stream in _streams)
                    _hub.Remove(stream, this);
                _streams.Clear();
            }
            _queue.Writer.TryComplete();
        }

        private async Task PumpAsync()
        {
            await foreach (var chatEvent in _queue.Reader.ReadAllAsync())
            {
                await DeliverAsync(chatEvent);
                if (_queue.Reader.Count == 0 && Interlocked.Exchange(ref _lost, 0) == 1)
                    await DeliverAsync(EventsLost.Instance);
            }
        }

        private async Task DeliverAsync(ChatEvent chatEvent)
        {
            try
            {
                await _onEvent(chatEvent);
                _hub._metrics.EventDelivered();
            }
            catch (Exception exception)
            {
                _hub._logger.LogWarning(exception, "A subscriber failed to apply {Event}", chatEvent.GetType().Name);
            }
        }
    }
}
