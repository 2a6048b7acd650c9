using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Workspace.Domain.Realtime;

/// <summary>
/// Who is online on the other nodes sharing one PostgreSQL database, so that <c>@here</c> reaches a person whichever node
/// their page is on. Each node writes the people it has online into <c>presence</c> and refreshes its rows every
/// <see cref="Heartbeat"/>; rows not refreshed within <see cref="Lifetime"/> are a stopped or killed node's and count
/// for nobody.
/// </summary>
/// <remarks>
/// A change is written as the person's state at the time of writing, not as "came online" or "went away", so changes
/// that race each other on one node still leave the row right.
/// </remarks>
public sealed class SharedPresence(string connectionString, ILogger<SharedPresence> logger) : IAsyncDisposable
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(45);

    private readonly Guid node = Guid.NewGuid();
    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);
    private readonly ConcurrentDictionary<Guid, byte> changed = new();
    private readonly SemaphoreSlim wake = new(0, 1);

    /// <summary>Someone came online or went away on this node: written at once by <see cref="RunAsync"/>.</summary>
    public void Changed(Guid userId)
    {
        changed[userId] = 0;
        if (wake.CurrentCount == 0)
        {
            try
            {
                wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already woken by a change racing this one; one write covers both.
            }
        }
    }

    /// <summary>Of these people, those online on any live node (this one's rows included).</summary>
    public async Task<IReadOnlySet<Guid>> OnlineAmongAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        var online = new HashSet<Guid>();
        if (userIds.Count == 0)
            return online;
        await using var query = dataSource.CreateCommand(
            "SELECT DISTINCT user_id FROM presence WHERE user_id = ANY(@users) AND seen_at > now() - @lifetime");
        query.Parameters.AddWithValue("users", userIds.ToArray());
        query.Parameters.AddWithValue("lifetime", Lifetime);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            online.Add(reader.GetGuid(0));
        return online;
    }

    /// <summary>Writes changes as they come and refreshes this node's rows, until stopped; then removes them.</summary>
    public async Task RunAsync(Presence presence, CancellationToken cancellationToken)
    {
        var nextHeartbeat = DateTime.UtcNow;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await WriteChangesAsync(presence, cancellationToken);
                if (DateTime.UtcNow >= nextHeartbeat)
                {
                    await RefreshAsync(cancellationToken);
                    nextHeartbeat = DateTime.UtcNow + Heartbeat;
                }
                await wake.WaitAsync(nextHeartbeat - DateTime.UtcNow is { Ticks: > 0 } wait ? wait : TimeSpan.Zero, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // Never stop the node over presence; the next heartbeat writes what this one could not.
                logger.LogWarning(e, "Could not share who is online on this node");
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        await ForgetThisNodeAsync();
    }

    /// <summary>Writes the current state of everyone who changed since the last write.</summary>
    public async Task WriteChangesAsync(Presence presence, CancellationToken cancellationToken)
    {
        var people = changed.Keys.ToList();
        if (people.Count == 0)
            return;
        foreach (var person in people)
            changed.TryRemove(person, out _);
        var online = people.Where(presence.IsOnlineHere).ToArray();
        var away = people.Where(p => !presence.IsOnlineHere(p)).ToArray();
        try
        {
            await using var batch = dataSource.CreateBatch();
            batch.BatchCommands.Add(Command("""
                INSERT INTO presence (node_id, user_id, seen_at) SELECT @node, unnest(@users), now()
                ON CONFLICT (node_id, user_id) DO UPDATE SET seen_at = now()
                """, ("node", node), ("users", online)));
            batch.BatchCommands.Add(Command("DELETE FROM presence WHERE node_id = @node AND user_id = ANY(@users)",
                ("node", node), ("users", away)));
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch
        {
            foreach (var person in people)
                changed[person] = 0;
            throw;
        }
    }

    /// <summary>Keeps this node's rows alive, and clears long-dead nodes' rows.</summary>
    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command("UPDATE presence SET seen_at = now() WHERE node_id = @node", ("node", node)));
        batch.BatchCommands.Add(Command("DELETE FROM presence WHERE seen_at < now() - @lifetime * 10", ("lifetime", Lifetime)));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task ForgetThisNodeAsync()
    {
        try
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await using var forget = dataSource.CreateCommand("DELETE FROM presence WHERE node_id = @node");
            forget.Parameters.AddWithValue("node", node);
            await forget.ExecuteNonQueryAsync(patience.Token);
        }
        catch (Exception e)
        {
            logger.LogInformation(e, "Could not remove this node's presence rows on the way out; they expire by themselves");
        }
    }

    private static NpgsqlBatchCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command;
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
