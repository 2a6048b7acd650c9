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

    /// <summary>Applies one event; false when the event needs a reload from the database.</summary>
    /// <param name="readingChannelId">The channel open in this circuit, when its page marks arrivals read.</param>
    public bool Apply(ChatEvent chatEvent, Guid viewerId, Guid? readingChannelId)
    {
        switch (chatEvent)
        {
            // A reply kept in its thread carries its root's seq: it moves no channel counter or pointer, and its
            // mention counts under the root's seq, as the database stores it.
            case MessagePosted { Message: { ThreadOnly: true } reply } when Find(reply.ChannelId) is { } entry:
                if (reply.MentionedUserIds.Contains(viewerId))
                    entry.Mentioned(reply.Seq, mentionsViewer: true);
                return true;
            case MessagePosted { Message: var message } when Find(message.ChannelId) is { } entry:
                entry.LastSeq = Math.Max(entry.LastSeq, message.Seq);
                entry.Mentioned(message.Seq, message.MentionedUserIds.Contains(viewerId));
                if (message.AuthorId == viewerId || message.ChannelId == readingChannelId)
                    entry.LastReadSeq = Math.Max(entry.LastReadSeq, message.Seq);
                return true;
            case ChannelRead read when Find(read.ChannelId) is { } entry:
                entry.LastReadSeq = Math.Max(entry.LastReadSeq, read.LastReadSeq);
                return true;
            case MessageChanged { Message: { ThreadOnly: true } }:
                return true;
            case MessageChanged { Message: var message } when Find(message.ChannelId) is { } entry:
                if (message.Deleted)
                    entry.Deleted(message.Seq);
                entry.Mentioned(message.Seq, !message.Deleted && message.MentionedUserIds.Contains(viewerId));
                return true;
            // An archived channel leaves the sidebar; a channel made private shows its lock: both load again.
            case ChannelUpdated updated when Find(updated.ChannelId) is { } entry
                                             && (updated.IsArchived || updated.IsPrivate != entry.IsPrivate):
                return false;
            case ChannelUpdated updated when Find(updated.ChannelId) is { } entry:
                entry.Name = updated.Name;
                _entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                return true;
            // After "Mark unread" the pointer moved back past deletions this model never kept: count again.
            case MembershipChanged or ChannelUnarchived or EventsLost or ChannelMarkedUnread:
                return false;
            default:
                return true;
        }
    }

    public long TotalUnread => _entries.Sum(e => e.Unread);

    /// <summary>
    /// What the sidebar shows of each entry, to compare before and after an event: most events (a post in the channel
    /// being read, a read pointer catching up) change nothing shown, and rendering fifty links again for each of them
    /// was the largest part of a live page's work in a busy channel.
    /// </summary>
    public IReadOnlyList<(Guid Id, string Title, bool IsPrivate, long Unread, long Mentions)> Shown() =>
        [.. _entries.Select(e => (e.Id, e.Title, e.IsPrivate, e.Unread, e.Mentions))];

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
