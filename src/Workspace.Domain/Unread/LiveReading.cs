using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Domain.EventLog;
using Workspace.Domain.Persistence;
using Workspace.Domain.Realtime;

namespace Workspace.Domain.Unread;

/// <summary>
/// Read pointers that follow live messages, moved together. Someone reading a channel as messages arrive has read
/// each one, but moving their pointer is a write: one per reader per message is more than a busy channel allows (a
/// thousand readers of ten messages a second would be ten thousand transactions a second, all queueing for SQLite's
/// one writer). So a page notes what its reader has seen (<see cref="Saw"/>) and a background writer moves every
/// noted pointer in one transaction (<see cref="MoveAsync"/>), each to the newest seq noted, telling the reader's
/// other tabs as <see cref="MarkChannelRead"/> does. Only a member's pointer moves, and never backwards.
/// </summary>
public sealed class LiveReading(IServiceScopeFactory scopes, IChatEvents events, TimeProvider clock)
{
    private readonly Lock gate = new();
    private readonly SemaphoreSlim moving = new(1, 1);
    private Dictionary<(Guid UserId, Guid ChannelId), long> seen = [];

    public void Saw(Guid userId, Guid channelId, long seq)
    {
        lock (gate)
            seen[(userId, channelId)] = Math.Max(seq, seen.GetValueOrDefault((userId, channelId)));
    }

    /// <summary>
    /// The reader chose "Mark unread": what they saw before must not move the pointer past it. Returns once a move
    /// already under way (which may hold what they saw) has landed, so that the mark written next comes after it.
    /// </summary>
    public async Task ForgetAsync(Guid userId, Guid channelId)
    {
        lock (gate)
            seen.Remove((userId, channelId));
        await moving.WaitAsync();
        moving.Release();
    }

    /// <summary>Moves every pointer noted since the last call; returns how many moved.</summary>
    public async Task<int> MoveAsync(CancellationToken cancellationToken)
    {
        await moving.WaitAsync(cancellationToken);
        try
        {
            return await MoveNotedAsync(cancellationToken);
        }
        finally
        {
            moving.Release();
        }
    }

    private const int DeadlockAttempts = 3;

    private async Task<int> MoveNotedAsync(CancellationToken cancellationToken)
    {
        Dictionary<(Guid UserId, Guid ChannelId), long> taken;
        lock (gate)
        {
            if (seen.Count == 0)
                return 0;
            (taken, seen) = (seen, []);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
        var channelIds = taken.Keys.Select(k => k.ChannelId).Distinct().ToList();
        var newest = await db.Channels.Where(c => channelIds.Contains(c.Id)).Select(c => new { c.Id, c.LastSeq })
            .ToDictionaryAsync(c => c.Id, c => c.LastSeq, cancellationToken);
        List<ChannelRead> moved;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                moved = await MoveInOneTransactionAsync(db, taken, newest, cancellationToken);
                break;
            }
            catch (Exception e) when (e.IsDeadlock() && attempt < DeadlockAttempts)
            {
                // PostgreSQL chose this transaction to end a deadlock with a batch of posts, which moves its authors'
                // pointers in its own order (Persistence/GroupCommit): nothing was written, so the same moves go again.
            }
        }
        foreach (var read in moved)
            events.Publish(read);
        return moved.Count;
    }

    private async Task<List<ChannelRead>> MoveInOneTransactionAsync(WorkspaceDb db,
        Dictionary<(Guid UserId, Guid ChannelId), long> taken, Dictionary<Guid, long> newest, CancellationToken cancellationToken)
    {
        var moved = new List<ChannelRead>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var logged = new List<LoggedEvent>();
        var pointers = taken.Where(noted => newest.ContainsKey(noted.Key.ChannelId))
            .GroupBy(noted => (noted.Key.ChannelId, Seq: Math.Min(noted.Value, newest[noted.Key.ChannelId])),
                noted => noted.Key.UserId);
        foreach (var readers in pointers)
        {
            var (channelId, target) = readers.Key;
            foreach (var userId in await db.AdvanceReadPointersAsync(channelId, target, [.. readers], cancellationToken))
            {
                logged.Add(LoggedEvent.Read(userId, channelId, target, now));
                moved.Add(new ChannelRead(userId, channelId, target));
            }
        }
        await db.InsertAsync(logged, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return moved;
    }
}
