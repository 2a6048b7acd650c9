using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Workspace.Domain.Realtime;

/// <summary>
/// Live events for several nodes sharing one PostgreSQL database: each event is published here, then told to the other
/// nodes with <c>NOTIFY</c>, which they publish to their own subscribers. A notification only signals: the database
/// stays the record. An event too large for one notification goes as "this stream changed" (<see cref="EventsLost"/>),
/// and after a lost connection every followed stream is told so, and its views catch up by change seq.
/// </summary>
public sealed class PostgresChatEvents(InProcessChatEvents local, string connectionString, TimeProvider clock,
    ILogger<PostgresChatEvents> logger) : IChatEvents, IAsyncDisposable
{
    public const string ChannelName = "workspace_events";

    /// <summary>PostgreSQL refuses payloads of 8000 bytes or more; leave room for the envelope.</summary>
    private const int MaxEventBytes = 7600;

    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    /// <summary>Events told in one statement at most, which keeps it under half a megabyte (see <see cref="MaxEventBytes"/>).</summary>
    private const int MaxBatch = 64;

    private readonly Guid node = Guid.NewGuid();
    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);
    private readonly Channel<ChatEvent> outgoing = Channel.CreateUnbounded<ChatEvent>(new UnboundedChannelOptions { SingleReader = true });
    private long sent;

    public void Publish(ChatEvent chatEvent)
    {
        local.Publish(chatEvent);
        outgoing.Writer.TryWrite(chatEvent);
    }

    public IChatSubscription Subscribe(Func<ChatEvent, Task> onEvent) => local.Subscribe(onEvent);

    /// <summary>
    /// Tells other nodes, in publish order, until stopped: every event waiting when the last statement returned goes in
    /// the next one (up to <see cref="MaxBatch"/>), so that a busy node sends one statement for many events rather than a
    /// round trip for each (two for every post).
    /// </summary>
    public async Task SendAsync(CancellationToken cancellationToken)
    {
        var payloads = new List<string>(MaxBatch);
        while (await outgoing.Reader.WaitToReadAsync(cancellationToken))
        {
            while (payloads.Count < MaxBatch && outgoing.Reader.TryRead(out var chatEvent))
                payloads.Add(Envelope.For(node, ++sent, chatEvent));
            try
            {
                // Listeners hear one transaction's notifications in the order it sent them; PostgreSQL calls a volatile
                // function such as pg_notify after sorting, so ORDER BY holds that order to the list's.
                await using var notify = dataSource.CreateCommand(
                    "SELECT pg_notify(@channel, p.payload) FROM unnest(@payloads) WITH ORDINALITY AS p(payload, n) ORDER BY p.n");
                notify.Parameters.AddWithValue("channel", ChannelName);
                notify.Parameters.AddWithValue("payloads", payloads);
                await notify.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The changes themselves are committed; other nodes' views find them when they next catch up. Never let
                // a statement stop the sender: a background service that throws stops the whole node.
                logger.LogWarning(e, "Could not tell other nodes of {Count} events", payloads.Count);
            }
            payloads.Clear();
        }
    }

    /// <summary>Listens for other nodes' events until stopped, reconnecting whenever the connection drops.</summary>
    public async Task ListenAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                connection.Notification += (_, notification) => Receive(notification.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {ChannelName}", connection))
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                // Whatever other nodes said while this one was not listening is lost: every view catches up.
                foreach (var stream in local.FollowedStreams)
                    local.Publish(EventsLost.On(stream));
                while (true)
                    await connection.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Lost the connection that hears other nodes' events; reconnecting");
                try
                {
                    await Task.Delay(ReconnectDelay, clock, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Receive(string payload)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(payload);
            if (envelope is null || envelope.Node == node)
                return;
            local.Publish(envelope.Event ?? EventsLost.On(envelope.Stream));
        }
        catch (Exception e)
        {
            // Thrown from here it would break the listening connection (a newer node's event, a stray NOTIFY).
            logger.LogWarning(e, "Ignored a notification that is not an event this node knows");
        }
    }

    public async ValueTask DisposeAsync()
    {
        outgoing.Writer.TryComplete();
        await dataSource.DisposeAsync();
    }

    /// <param name="Event">Null when it was too large to send: <paramref name="Stream"/> then only says where.</param>
    /// <param name="Sent">The node's count of events sent: PostgreSQL folds notifications that one transaction sends
    /// with the same payload into one, and two alike events (a channel read twice) must both arrive.</param>
    private sealed record Envelope(Guid Node, long Sent, string Stream, ChatEvent? Event)
    {
        public static string For(Guid node, long sent, ChatEvent chatEvent)
        {
            var whole = JsonSerializer.Serialize(new Envelope(node, sent, chatEvent.Stream, chatEvent));
            return Encoding.UTF8.GetByteCount(whole) <= MaxEventBytes
                ? whole
                : JsonSerializer.Serialize(new Envelope(node, sent, chatEvent.Stream, null));
        }
    }
}
