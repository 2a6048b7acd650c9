using System.Collections.Concurrent;
using Workspace.Domain.Realtime;

namespace Workspace.Domain.Channels;

/// <summary>
/// Each person's sidebar as last read from the database, so that asking again while nothing in it changed (a page
/// load, a reconnect, an integration listing its channels) is answered from memory. Kept only where this process
/// hears of every change when it is made: on SQLite, whose file one process owns. On PostgreSQL other nodes write
/// too and their events come later than their commits, so there every ask reads the database.
/// </summary>
/// <remarks>
/// Kept exact by the events commands publish once they have committed (<see cref="Observe"/>, before any subscriber
/// hears of them). A post raises its channel's newest seq in place: seqs only grow, so the order in which posts are
/// heard does not matter. Whatever else changes a sidebar makes the entries it touches stale, to be read again on the
/// next ask: the person's own pointer, memberships, mentions and account; a channel's name, privacy, archiving or
/// deletion, and an edit or delete in it (which can add or drop a mention or an unread message). A person's new name
/// or handle (no event carries it), and a command that failed after noting events (it may have committed them),
/// touch everyone, through <see cref="ForgetAll"/>.
/// What was touched when is told by one counter: an entry stays good while nothing it holds was touched after the
/// counter's value at which its read began, so a change made while the database was being read is never missed.
/// </remarks>
public sealed class SidebarCache(bool enabled, bool checkAgainstDatabase = false)
{
    /// <summary>Channels held over all entries before they are all let go (about 150 bytes each, with their names).</summary>
    public const int MaxHeldChannels = 200_000;

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    // People and channels by id (random GUIDs: one map for both): the counter's value when they were last touched.
    private readonly ConcurrentDictionary<Guid, long> _touchedAt = new();
    private readonly ConcurrentDictionary<Guid, long> _newestSeqs = new();
    private long _counter;
    private long _everyoneTouchedAt;
    private int _heldChannels;

    /// <summary>
    /// For tests: every answer from memory is compared with the database's, and a difference throws. Sequential tests
    /// only: a change committed but not yet published makes a concurrent ask differ for a moment, by design.
    /// </summary>
    public bool CheckAgainstDatabase { get; } = checkAgainstDatabase;

    /// <summary>Taken before reading a sidebar from the database, and handed to <see cref="Keep"/> with what was read.</summary>
    public long ReadBegins() => Volatile.Read(ref _counter);

    public bool TryGet(Guid personId, out IReadOnlyList<SidebarChannel> channels)
    {
        channels = [];
        if (!enabled || !_entries.TryGetValue(personId, out var entry) || !IsCurrent(personId, entry))
            return false;
        channels = entry.Channels.Select(WithNewestSeq).ToList();
        return true;
    }

    public void Keep(Guid personId, long readBegan, IReadOnlyList<SidebarChannel> channels)
    {
        if (!enabled)
            return;
        // Asked only after a read from the database, so taking turns here costs nothing worth measuring.
        lock (_entries)
        {
            if (_entries.TryGetValue(personId, out var held))
                _heldChannels -= held.Channels.Length;
            if (_heldChannels + channels.Count > MaxHeldChannels)
            {
                _entries.Clear();
                _heldChannels = 0;
            }
            _entries[personId] = new Entry(readBegan, [.. channels]);
            _heldChannels += channels.Count;
        }
    }

    /// <summary>Applies a published event; see the remarks on the class for what each kind does.</summary>
    public void Observe(ChatEvent chatEvent)
    {
        if (!enabled)
            return;
        if (chatEvent is MessagePosted { Message: var message })
        {
            // A reply kept in its thread shares its root's seq and moves no counter.
            if (!message.ThreadOnly)
                _newestSeqs.AddOrUpdate(message.ChannelId, message.Seq, (_, seq) => Math.Max(seq, message.Seq));
            foreach (var mentioned in message.MentionedUserIds)
                Touch(mentioned);
        }
        else if (chatEvent is EventsLost)
            ForgetAll();
        else if (Touched(chatEvent) is { } id)
            Touch(id);
    }

    /// <summary>The person or channel whose sidebars the event changes, when it changes any.</summary>
    private static Guid? Touched(ChatEvent chatEvent) => chatEvent switch
    {
        ChannelRead read => read.UserId,
        ChannelMarkedUnread unread => unread.UserId,
        MembershipChanged membership => membership.UserId,
        ChannelUnarchived unarchived => unarchived.UserId,
        AccountChanged account => account.UserId,
        ChannelUpdated updated => updated.ChannelId,
        ChannelDeleted deleted => deleted.ChannelId,
        // Reactions and reply counts show in no sidebar; an edit can change who is mentioned, a delete what is unread.
        MessageChanged { Message: var message } when message.Deleted || message.EditedAt is not null => message.ChannelId,
        _ => null,
    };

    /// <summary>Every sidebar is read from the database again on its next ask.</summary>
    public void ForgetAll()
    {
        var at = Interlocked.Increment(ref _counter);
        InterlockedMax(ref _everyoneTouchedAt, at);
    }

    private void Touch(Guid id)
    {
        var at = Interlocked.Increment(ref _counter);
        _touchedAt.AddOrUpdate(id, at, (_, before) => Math.Max(before, at));
    }

    private bool IsCurrent(Guid personId, Entry entry)
    {
        if (Volatile.Read(ref _counter) <= entry.ReadBegan)
            return true;
        if (Volatile.Read(ref _everyoneTouchedAt) > entry.ReadBegan || TouchedAt(personId) > entry.ReadBegan)
            return false;
        foreach (var channel in entry.Channels)
            if (TouchedAt(channel.Id) > entry.ReadBegan)
                return false;
        return true;
    }

    private long TouchedAt(Guid id) => _touchedAt.TryGetValue(id, out var at) ? at : 0;

    private SidebarChannel WithNewestSeq(SidebarChannel channel) =>
        _newestSeqs.TryGetValue(channel.Id, out var newest) && newest > channel.LastSeq ? channel with { LastSeq = newest } : channel;

    private static void InterlockedMax(ref long target, long value)
    {
        var seen = Volatile.Read(ref target);
        while (seen < value)
        {
            var before = Interlocked.CompareExchange(ref target, value, seen);
            if (before == seen)
                return;
            seen = before;
        }
    }

    private sealed record Entry(long ReadBegan, SidebarChannel[] Channels);
}

/// <summary>Hands every published event to the sidebar cache before its subscribers hear of it.</summary>
internal sealed class SidebarCachingEvents(IChatEvents inner, SidebarCache cache) : IChatEvents
{
    public void Publish(ChatEvent chatEvent)
    {
        cache.Observe(chatEvent);
        inner.Publish(chatEvent);
    }

    public IChatSubscription Subscribe(Func<ChatEvent, Task> onEvent) => inner.Subscribe(onEvent);
}
