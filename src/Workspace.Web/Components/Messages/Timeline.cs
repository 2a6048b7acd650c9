using Workspace.Domain.Messages;

namespace Workspace.Web.Components.Messages;

/// <summary>
/// What one open channel shows: a window of its history, the sends still in flight, and the last change it
/// applied. Live events apply only in change order; anything out of order is a gap the page fills from the
/// database, so a message is never lost and, keyed by id, never shown twice. Deleted messages stay as
/// tombstones (views skip them) so that a late event for one cannot bring it back.
/// </summary>
public sealed class Timeline
{
    private readonly List<MessageView> _messages = [];
    private readonly List<PendingMessage> _pending = [];

    public IReadOnlyList<MessageView> Messages => _messages;
    public IReadOnlyList<PendingMessage> Pending => _pending;
    public bool HasOlder { get; private set; }

    /// <summary>True while the window ends before the newest message (after a permalink jump).</summary>
    public bool HasNewer { get; private set; }

    public long ChangeSeq { get; private set; }

    public void Reset(MessagePage page)
    {
        _messages.Clear();
        _messages.AddRange(page.Messages.Select(SharedViews.Share));
        HasOlder = page.HasOlder;
        HasNewer = page.HasNewer;
        ChangeSeq = page.ChangeSeq;
        ConfirmPending(page.Messages);
    }

    public void AddOlder(MessagePage page)
    {
        foreach (var message in page.Messages)
            Upsert(SharedViews.Share(message), evenBeyondWindow: true);
        HasOlder = page.HasOlder;
    }

    /// <summary>Extends the window forward; once it reaches the newest message, live events extend it.</summary>
    public void AddNewer(MessagePage page)
    {
        foreach (var message in page.Messages)
            Upsert(SharedViews.Share(message), evenBeyondWindow: true);
        HasNewer = page.HasNewer;
        ConfirmPending(page.Messages);
    }

    /// <summary>Applies a live post, edit, delete or reaction: each carries the message as it now is.</summary>
    public TimelineChange Apply(MessageView message)
    {
        if (message.ChangeSeq <= ChangeSeq)
        {
            ConfirmPending([message]);
            return TimelineChange.AlreadyApplied;
        }
        if (message.ChangeSeq > ChangeSeq + 1)
            return TimelineChange.Gap;
        ChangeSeq = message.ChangeSeq;
        // Replies that stay in their thread count as changes of the channel but are shown in the thread pane.
        if (message.ThreadOnly)
            return TimelineChange.Applied;
        Upsert(message, evenBeyondWindow: false);
        ConfirmPending([message]);
        return TimelineChange.Applied;
    }

    public void Apply(ChannelChanges changes)
    {
        foreach (var message in changes.Messages.Where(m => !m.ThreadOnly))
            Upsert(SharedViews.Share(message), evenBeyondWindow: false);
        ConfirmPending(changes.Messages);
        ChangeSeq = Math.Max(ChangeSeq, changes.ChangeSeq);
    }

    /// <summary>
    /// Lets the oldest messages go once more than <paramref name="count"/> are held, while the window reaches the newest
    /// message: a channel left open in a busy day would otherwise hold, and render, everything posted since it opened.
    /// What goes is loaded again by scrolling up. It goes a whole chunk of the list at a time (<see cref="MessageChunk"/>),
    /// so at least <paramref name="count"/> stay: letting one go per live message changed the list's first chunk too,
    /// and every open page rendered it again for every message.
    /// </summary>
    public void KeepNewest(int count)
    {
        if (HasNewer || _messages.Count <= count)
            return;
        var firstKeptChunk = MessageChunk.Of(_messages[^count]);
        var going = _messages.FindIndex(m => MessageChunk.Of(m) == firstKeptChunk);
        if (going == 0)
            return;
        _messages.RemoveRange(0, going);
        HasOlder = true;
    }

    public void AddPending(PendingMessage pending) => _pending.Add(pending);

    /// <summary>The server has the message: the pending copy gives way to the real one, whichever arrived first.</summary>
    public void Confirm(MessageView message)
    {
        Upsert(message, evenBeyondWindow: false);
        ConfirmPending([message]);
    }

    /// <summary>The viewer deleted a message: it goes at once, before its event confirms it.</summary>
    public void Remove(Guid messageId)
    {
        var index = _messages.FindIndex(m => m.Id == messageId);
        if (index >= 0)
            _messages[index] = _messages[index] with { Deleted = true, Text = "", Html = "", Reactions = [] };
    }

    public void Discard(Guid clientMessageId) => _pending.RemoveAll(p => p.ClientMessageId == clientMessageId);

    public PendingMessage? FindPending(Guid clientMessageId) => _pending.Find(p => p.ClientMessageId == clientMessageId);

    private void ConfirmPending(IEnumerable<MessageView> messages)
    {
        if (_pending.Count == 0)
            return;
        foreach (var message in messages)
            _pending.RemoveAll(p => p.ClientMessageId == message.ClientMessageId && p.AuthorId == message.AuthorId);
    }

    private void Upsert(MessageView message, bool evenBeyondWindow)
    {
        // A message past the newest held is not held (a seq is one message's): a live post is placed without a search.
        var index = _messages.Count > 0 && message.Seq > _messages[^1].Seq ? -1 : _messages.FindIndex(m => m.Id == message.Id);
        if (index >= 0)
        {
            // A command's answer can arrive after a later change to the same message: keep the newer state.
            if (message.ChangeSeq >= _messages[index].ChangeSeq)
                _messages[index] = message;
            return;
        }
        if (!evenBeyondWindow && _messages.Count > 0)
        {
            // While the window ends in the past, newer messages arrive by paging forward, not live; a change to a
            // message before the window is seen when that page loads.
            if (HasNewer && message.Seq > _messages[^1].Seq || HasOlder && message.Seq < _messages[0].Seq)
                return;
        }
        else if (HasNewer && !evenBeyondWindow)
            return;
        var position = _messages.FindLastIndex(m => m.Seq < message.Seq) + 1;
        _messages.Insert(position, message);
    }
}

public enum TimelineChange
{
    Applied,
    AlreadyApplied,

    /// <summary>Changes before this one have not arrived: catch up from the database.</summary>
    Gap,
}

/// <summary>A send the server has not confirmed yet; <see cref="Error"/> is set when it was refused or failed.</summary>
public sealed class PendingMessage(Guid clientMessageId, Guid authorId, string text)
{
    public Guid ClientMessageId { get; } = clientMessageId;
    public Guid AuthorId { get; } = authorId;
    public string Text { get; } = text;
    public string? Error { get; set; }
}
