using Workspace.Domain.Channels;
using Workspace.Domain.DirectMessages;
using Workspace.Domain.Realtime;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Components.Layout;

/// <summary>
/// The sidebar's channels and their unread counts, kept current from live events alone: a post raises the
/// channel's last seq, a read moves the pointer, and only a change of membership needs the database again.
/// </summary>
public sealed class SidebarModel
{
    private List<Entry> _entries = [];

    public IReadOnlyList<Entry> Entries => _entries;

    public void Load(IEnumerable<SidebarChannel> channels) =>
        _entries = channels.Select(c => new Entry(c.Id, c.Name, c.IsPrivate, c.DeletedUnread, c.MentionSeqs)
            {
                LastSeq = c.LastSeq,
                LastReadSeq = c.LastReadSeq,
                IsDirect = c.IsDirect,
                Others = c.Others,
            })
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToList();

    public IEnumerable<Entry> Channels => _entries.Where(e => !e.IsDirect);

    public IEnumerable<Entry> Conversations => _entries.Where(e => e.IsDirect).OrderBy(e => e.Title, StringComparer.CurrentCulture);

    /// <summary>
    /// Applies one event and says what it did to the sidebar. Most events (a post in the channel being read, a read
    /// pointer catching up) change nothing shown, and rendering fifty links again for each was the largest part of a
    /// live page's work in a busy channel; an event touches at most one entry, so comparing that entry is enough.
    /// </summary>
    /// <param name="readingChannelId">The channel open in this circuit, when its page marks arrivals read.</param>
    public SidebarChange Apply(ChatEvent chatEvent, Guid viewerId, Guid? readingChannelId)
    {
        // After "Mark unread" the pointer moved back past deletions this model never kept: count again.
        if (chatEvent is MembershipChanged or ChannelUnarchived or EventsLost or ChannelMarkedUnread)
            return SidebarChange.Reload;
        var entry = chatEvent switch
        {
            MessagePosted posted => Find(posted.Message.ChannelId),
            MessageChanged changed => Find(changed.Message.ChannelId),
            ChannelRead read => Find(read.ChannelId),
            ChannelUpdated updated => Find(updated.ChannelId),
            _ => null,
        };
        if (entry is null)
            return SidebarChange.None;
        var before = entry.Shown;
        if (!ApplyTo(entry, chatEvent, viewerId, readingChannelId))
            return SidebarChange.Reload;
        return entry.Shown == before ? SidebarChange.None : SidebarChange.Shown;
    }

    /// <summary>Applies an event to the entry it concerns; false when the sidebar must load again instead.</summary>
    private bool ApplyTo(Entry entry, ChatEvent chatEvent, Guid viewerId, Guid? readingChannelId)
    {
        switch (chatEvent)
        {
            // A reply kept in its thread carries its root's seq: it moves no channel counter or pointer, and its
            // mention counts under the root's seq, as the database stores it.
            case MessagePosted { Message: { ThreadOnly: true } reply }:
                if (reply.MentionedUserIds.Contains(viewerId))
                    entry.Mentioned(reply.Seq, mentionsViewer: true);
                return true;
            case MessagePosted { Message: var message }:
                entry.LastSeq = Math.Max(entry.LastSeq, message.Seq);
                entry.Mentioned(message.Seq, message.MentionedUserIds.Contains(viewerId));
                if (message.AuthorId == viewerId || message.ChannelId == readingChannelId)
                    entry.LastReadSeq = Math.Max(entry.LastReadSeq, message.Seq);
                return true;
            case ChannelRead read:
                entry.LastReadSeq = Math.Max(entry.LastReadSeq, read.LastReadSeq);
                return true;
            case MessageChanged { Message: { ThreadOnly: true } }:
                return true;
            case MessageChanged { Message: var message }:
                if (message.Deleted)
                    entry.Deleted(message.Seq);
                entry.Mentioned(message.Seq, !message.Deleted && message.MentionedUserIds.Contains(viewerId));
                return true;
            // An archived channel leaves the sidebar; a channel made private shows its lock: both load again.
            case ChannelUpdated updated when updated.IsArchived || updated.IsPrivate != entry.IsPrivate:
                return false;
            case ChannelUpdated updated:
                entry.Name = updated.Name;
                _entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                return true;
            default:
                return true;
        }
    }

    public long TotalUnread => _entries.Sum(e => e.Unread);

    private Entry? Find(Guid channelId) => _entries.Find(e => e.Id == channelId);

    public sealed class Entry(Guid id, string name, bool isPrivate, IEnumerable<long> deletedUnread, IEnumerable<long> mentionSeqs)
    {
        // Null while empty, as for most channels: a circuit holds an entry per channel it lists.
        private HashSet<long>? _deletedUnread = NullIfEmpty(deletedUnread);
        private HashSet<long>? _mentionSeqs = NullIfEmpty(mentionSeqs);

        public Guid Id { get; } = id;
        public string Name { get; set; } = name;
        public bool IsPrivate { get; } = isPrivate;
        public long LastSeq { get; set; }
        public long LastReadSeq { get; set; }
        public bool IsDirect { get; init; }
        public IReadOnlyList<Participant> Others { get; init; } = [];

        /// <summary>What the sidebar shows of the entry; its place in the list follows from its title.</summary>
        public (string Title, bool IsPrivate, long Unread, long Mentions) Shown => (Title, IsPrivate, Unread, Mentions);

        /// <summary>A channel's name, or the names of the people in a conversation.</summary>
        public string Title => IsDirect ? Conversation.Title(Others) : Name;

        public long Unread => Math.Max(0, LastSeq - LastReadSeq - (_deletedUnread?.Count(seq => seq > LastReadSeq) ?? 0));

        public long Mentions => _mentionSeqs?.Count(seq => seq > LastReadSeq) ?? 0;

        /// <summary>Whether the message at <paramref name="seq"/> mentions the viewer now (an edit can add or drop one).</summary>
        public void Mentioned(long seq, bool mentionsViewer)
        {
            if (mentionsViewer && seq > LastReadSeq)
                (_mentionSeqs ??= []).Add(seq);
            else if (!mentionsViewer)
                _mentionSeqs?.Remove(seq);
        }

        public void Deleted(long seq)
        {
            if (seq > LastReadSeq)
                (_deletedUnread ??= []).Add(seq);
        }

        private static HashSet<long>? NullIfEmpty(IEnumerable<long> seqs) => seqs.Any() ? [.. seqs] : null;
    }
}

/// <summary>What an event did to the sidebar.</summary>
public enum SidebarChange
{
    /// <summary>Nothing it shows.</summary>
    None,

    /// <summary>An entry shows something else now: render again.</summary>
    Shown,

    /// <summary>The model cannot follow this event alone: load the sidebar from the database again.</summary>
    Reload,
}
