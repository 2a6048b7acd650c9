using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Workspace.Domain.Common;
using Workspace.Domain.Realtime;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Realtime;

/// <summary>
/// Two nodes on one PostgreSQL database, each a <see cref="PostgresChatEvents"/> of its own: what one publishes, the
/// other's subscribers hear, all of it and in order, however fast it is published.
/// </summary>
public sealed class PostgresChatEventsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EventsPublishedInABurst_ReachTheOtherNode_AllOfThemInOrder_AlikeOnesToo()
    {
        await using var workspace = await TestWorkspace.CreateAsync(TestWorkspace.Postgres);
        var connectionString = await workspace.QueryDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        await using var sender = Node(workspace, connectionString);
        await using var listener = Node(workspace, connectionString);
        var ann = Guid.NewGuid();
        var general = Guid.NewGuid();
        var heard = new ConcurrentQueue<ChatEvent>();
        var listening = new TaskCompletionSource();
        var allHeard = new TaskCompletionSource();
        const int burst = 300;
        using var subscription = listener.Subscribe(chatEvent =>
        {
            if (chatEvent is EventsLost)
                listening.TrySetResult();
            else
                heard.Enqueue(chatEvent);
            if (heard.Count == burst + 1)
                allHeard.TrySetResult();
            return Task.CompletedTask;
        });
        subscription.Follow(ChatEvent.UserStream(ann));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var running = Task.WhenAll(sender.SendAsync(stop.Token), listener.ListenAsync(stop.Token));
        // A listener that has connected tells its subscribers that whatever came before may be lost.
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(30), Cancel);

        for (var seq = 1; seq <= burst; seq++)
            sender.Publish(new ChannelRead(ann, general, seq));
        sender.Publish(new ChannelRead(ann, general, burst));
        await allHeard.Task.WaitAsync(TimeSpan.FromSeconds(30), Cancel);
        await stop.CancelAsync();
        // The sender stops as a hosted service's loop does, by its token's exception.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        Assert.Equal([.. Enumerable.Range(1, burst), burst], heard.Cast<ChannelRead>().Select(e => (int)e.LastReadSeq));
    }

    private static PostgresChatEvents Node(TestWorkspace workspace, string connectionString) =>
        new(new InProcessChatEvents(NullLogger<InProcessChatEvents>.Instance, new WorkspaceMetrics(workspace.Meters)),
            connectionString, TimeProvider.System, NullLogger<PostgresChatEvents>.Instance);
}
