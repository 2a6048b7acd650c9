using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Workspace.Domain.Common;
using Workspace.Domain.Realtime;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Realtime;

public sealed class InProcessChatEventsTests
{
    private static readonly TimeSpan FailAfter = TimeSpan.FromSeconds(10);
    private static readonly Guid A = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Subscribe_WhenFollowingSomeStreams_ReceivesOnlyThoseInPublishOrder()
    {
        var hub = NewHub();
        using var recorder = new EventRecorder(hub, ChatEvent.ChannelStream(A));

        for (var i = 1; i <= 100; i++)
        {
            hub.Publish(Updated(A, i));
            hub.Publish(Updated(B, i));
            hub.Publish(new ChannelRead(A, A, i));
        }

        await recorder.WaitForAsync<ChannelUpdated>(e => e == Updated(A, 100));
        Assert.Equal(Enumerable.Range(1, 100).Select(i => Updated(A, i)), recorder.Received);
    }

    [Fact]
    public async Task Subscribe_WhenTwoSubscribersFollowAStream_EachGetsEveryEventOnce()
    {
        var hub = NewHub();
        using var first = new EventRecorder(hub, ChatEvent.ChannelStream(A));
        using var second = new EventRecorder(hub, ChatEvent.ChannelStream(A), ChatEvent.ChannelStream(A));

        hub.Publish(Updated(A, 1));
        hub.Publish(Updated(A, 2));

        await first.WaitForAsync<ChannelUpdated>(e => e == Updated(A, 2));
        await second.WaitForAsync<ChannelUpdated>(e => e == Updated(A, 2));
        Assert.Equal([Updated(A, 1), Updated(A, 2)], first.Received);
        Assert.Equal([Updated(A, 1), Updated(A, 2)], second.Received);
    }

    [Fact]
    public async Task Unfollow_WhenStreamIsUnfollowed_StopsDeliveringItButNotTheOthers()
    {
        var hub = NewHub();
        using var recorder = new EventRecorder(hub, ChatEvent.ChannelStream(A), ChatEvent.ChannelStream(B));
        hub.Publish(Updated(A, 1));
        await recorder.WaitForAsync<ChannelUpdated>(e => e == Updated(A, 1));

        recorder.Unfollow(ChatEvent.ChannelStream(A));
        hub.Publish(Updated(A, 2));
        hub.Publish(Updated(B, 1));

        // One subscriber gets its events in publish order, so A2 would have arrived before B1.
        await recorder.WaitForAsync<ChannelUpdated>(e => e == Updated(B, 1));
        Assert.Equal([Updated(A, 1), Updated(B, 1)], recorder.Received);
    }

    [Fact]
    public async Task Dispose_WhenSubscriptionIsDisposed_ItGetsNothingMore()
    {
        var hub = NewHub();
        var gone = new EventRecorder(hub, ChatEvent.ChannelStream(A));
        using var control = new EventRecorder(hub, ChatEvent.ChannelStream(A));
        hub.Publish(Updated(A, 1));
        await gone.WaitForAsync<ChannelUpdated>();

        gone.Dispose();
        for (var i = 2; i <= 50; i++)
            hub.Publish(Updated(A, i));

        await control.WaitForAsync<ChannelUpdated>(e => e == Updated(A, 50));
        Assert.Equal([Updated(A, 1)], gone.Received);
        Assert.Equal(50, control.Received.Count);
    }

    [Fact]
    public async Task Publish_WhenASubscriberIsStuck_NeverWaitsAndTheSubscriberGetsEventsLostAfterItsFullQueue()
    {
        var hub = NewHub();
        const int published = InProcessChatEvents.QueueCapacity + 100;
        var stuck = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var resumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slowReceived = new List<ChatEvent>();
        using var slow = hub.Subscribe(async e =>
        {
            lock (slowReceived)
                slowReceived.Add(e);
            if (e == Updated(A, 0))
            {
                stuck.SetResult();
                await release.Task;
            }
            if (e is EventsLost)
                lost.SetResult();
            if (e == Updated(A, -1))
                resumed.SetResult();
        });
        slow.Follow(ChatEvent.ChannelStream(A));
        using var fast = new EventRecorder(hub, ChatEvent.ChannelStream(A));
        hub.Publish(Updated(A, 0));
        await stuck.Task.WaitAsync(FailAfter, Cancel);
        for (var i = 1; i <= 10; i++)
            hub.Publish(Updated(A, i));
        // A stuck subscriber delays only itself.
        await fast.WaitForAsync<ChannelUpdated>(e => e == Updated(A, 10));

        await Task.Run(() =>
        {
            for (var i = 11; i <= published; i++)
                hub.Publish(Updated(A, i));
        }, Cancel).WaitAsync(FailAfter, Cancel);

        lock (slowReceived)
            Assert.Equal([Updated(A, 0)], slowReceived);
        release.SetResult();
        await lost.Task.WaitAsync(FailAfter, Cancel);
        ChatEvent[] expected = [.. Enumerable.Range(0, InProcessChatEvents.QueueCapacity + 1).Select(i => Updated(A, i)), EventsLost.Instance];
        lock (slowReceived)
            Assert.Equal(expected, slowReceived);

        // Having been told to catch up, the subscriber is live again.
        hub.Publish(Updated(A, -1));
        await resumed.Task.WaitAsync(FailAfter, Cancel);
        lock (slowReceived)
            Assert.Equal([.. expected, Updated(A, -1)], slowReceived);
    }

    [Fact]
    public async Task Subscribe_WhenHandlerThrows_KeepsDeliveringTheNextEvents()
    {
        var hub = NewHub();
        var received = new List<ChatEvent>();
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = hub.Subscribe(e =>
        {
            received.Add(e);
            if (e == Updated(A, 1))
                throw new InvalidOperationException("a circuit went away");
            second.SetResult();
            return Task.CompletedTask;
        });
        subscription.Follow(ChatEvent.ChannelStream(A));

        hub.Publish(Updated(A, 1));
        hub.Publish(Updated(A, 2));

        await second.Task.WaitAsync(FailAfter, Cancel);
        Assert.Equal([Updated(A, 1), Updated(A, 2)], received);
    }

    [Fact]
    public async Task Publish_WhenSubscribersReceiveAnEvent_CountsADeliveryForEach()
    {
        var meters = NewMeters();
        using var readings = new MeterReadings(meters);
        var hub = NewHub(meters);
        using var first = new EventRecorder(hub, ChatEvent.ChannelStream(A));
        using var second = new EventRecorder(hub, ChatEvent.ChannelStream(A));
        using var elsewhere = new EventRecorder(hub, ChatEvent.ChannelStream(B));

        hub.Publish(Updated(A, 1));

        await first.WaitForAsync<ChannelUpdated>(e => e == Updated(A, 1));
        await second.WaitForAsync<ChannelUpdated>(e => e == Updated(A, 1));
        Assert.Equal(2, await readings.SettledTotalAsync("workspace.deliveries", 2));
    }

    private static InProcessChatEvents NewHub(IMeterFactory? meters = null) =>
        new(NullLogger<InProcessChatEvents>.Instance, new WorkspaceMetrics(meters ?? NewMeters()));

    private static IMeterFactory NewMeters() =>
        new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    private static ChannelUpdated Updated(Guid channel, int n) => new(channel, $"c{n}", $"topic {n}", IsPrivate: false, IsArchived: false);
}
