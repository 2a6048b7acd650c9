using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.EventLog;

/// <summary>
/// The newest part of the event log, read once for every live stream. A post wakes every stream that follows its
/// channel; each reading the log for itself (<see cref="GetEvents"/>) is one query set per subscriber per event, which
/// a thousand subscribers of a busy channel turn into more work than the post. Here the first stream woken reads the
/// rows committed since the last read and describes them, and the others take that answer. A stream can use it only
/// when the answer is certain to equal its own read of the log: it begins at the stream's position, no row in it
/// changes whom the stream may see (the reader's own joins and leaves), and the stream knows its channels; otherwise
/// it reads the log itself.
/// </summary>
public sealed class EventLogTail(IServiceScopeFactory scopes)
{
    /// <summary>Rows kept; a stream further behind than these reads the log itself.</summary>
    public const int Capacity = 4096;

    private readonly SemaphoreSlim reading = new(1, 1);
    private Snapshot latest = new(long.MinValue, -1, -1, []);

    /// <summary>The events after <paramref name="after"/> that <paramref name="actorId"/> may see, or null when only its own read can tell.</summary>
    /// <param name="channels">The actor's channels as of its last read of the log.</param>
    /// <param name="wokenAt">When the event that woke the stream was published, after its commit (<see cref="Stopwatch.GetTimestamp"/>): the answer reads at least up to then.</param>
    public async Task<EventPage?> ReadAsync(Guid actorId, long after, IReadOnlyList<Guid> channels, long wokenAt, CancellationToken cancellationToken)
    {
        var snapshot = await SinceAsync(wokenAt, cancellationToken);
        if (after < snapshot.Floor || after > snapshot.Head)
            return null;
        var events = new List<StreamEvent>();
        var following = channels as IReadOnlySet<Guid> ?? channels.ToHashSet();
        for (var i = FirstAfter(snapshot.Rows, after); i < snapshot.Rows.Length; i++)
        {
            var (row, described) = snapshot.Rows[i];
            if (row.UserId == actorId && row.Kind is EventKinds.MemberJoined or EventKinds.MemberLeft)
                return null;
            if (described is not null && (row.UserId == actorId || !row.Personal && row.ChannelId is { } channel && following.Contains(channel)))
                events.Add(described);
        }
        return events.Count >= GetEvents.MaxLimit ? null : new EventPage(events, snapshot.Head, channels);
    }

    /// <summary>
    /// Where the rows after <paramref name="after"/> begin. A live stream is one or two rows behind the head of thousands
    /// kept, and a thousand streams look on every post: they must not each walk the rows they have already sent.
    /// </summary>
    private static int FirstAfter(ImmutableArray<(LoggedEvent Row, StreamEvent? Described)> rows, long after)
    {
        var (low, high) = (0, rows.Length);
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            if (rows[middle].Row.Id <= after)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }

    private async Task<Snapshot> SinceAsync(long wokenAt, CancellationToken cancellationToken)
    {
        if (latest.ReadAt >= wokenAt)
            return latest;
        await reading.WaitAsync(cancellationToken);
        try
        {
            // Another stream's read may have begun after this one was woken: its answer is as fresh as one of our own.
            if (latest.ReadAt >= wokenAt)
                return latest;
            var readAt = Stopwatch.GetTimestamp();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
            // As in GetEvents: every id up to the head is committed, so nothing below it can appear later.
            var head = await db.EventLogHead.Where(h => h.Id == EventLogHead.SingleRowId).Select(h => h.LastId).SingleAsync(cancellationToken);
            var previous = latest;
            if (previous.Head < 0 || head - previous.Head > Capacity)
                return latest = new Snapshot(readAt, head, head, []);
            var rows = await db.EventLog.AsNoTracking().Where(e => e.Id > previous.Head && e.Id <= head).OrderBy(e => e.Id)
                .ToListAsync(cancellationToken);
            var described = (await GetEventsHandler.DescribeAsync(db, rows, cancellationToken)).ToDictionary(e => e.Id);
            var kept = previous.Rows.AddRange(rows.Select(row => (row, described.GetValueOrDefault(row.Id))));
            if (kept.Length > Capacity)
                kept = kept[^Capacity..];
            var floor = kept.Length == previous.Rows.Length + rows.Count ? previous.Floor : kept[0].Row.Id - 1;
            return latest = new Snapshot(readAt, floor, head, kept);
        }
        finally
        {
            reading.Release();
        }
    }

    /// <summary>The log's rows in (<paramref name="Floor"/>, <paramref name="Head"/>], each with its description (null when a reader skips it).</summary>
    private sealed record Snapshot(long ReadAt, long Floor, long Head, ImmutableArray<(LoggedEvent Row, StreamEvent? Described)> Rows);
}
