using Workspace.Domain.Messages;
using Workspace.Domain.Realtime;

namespace Workspace.Web.Components.Messages;

/// <summary>
/// What one open channel shows: a window of its history, the sends still in flight, and the last change it
/// applied. Live events apply only in change order; anything out of order is a gap the page fills from the
/// database, so a message is never lost and, keyed by id, never shown twice.
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
        _messages.AddRange(page.Messages);
        HasOlder = page.HasOlder;
        HasNewer = page.HasNewer;
        ChangeSeq = page.ChangeSeq;
        ConfirmPending(page.Messages);
    }

    public void AddOlder(MessagePage page)
    {
        foreach (var message in page.Messages)
            Upsert(message, evenBeyondWindow: true);
        HasOlder = page.HasOlder;
    }

    /// <summary>Extends the window forward; once it reaches the newest message, live events extend it.</summary>
    public void AddNewer(MessagePage page)
    {
        foreach (var message in page.Messages)
            Upsert(message, evenBeyondWindow: true);
        HasNewer = page.HasNewer;
        ConfirmPending(page.Messages);
    }

    public TimelineChange Apply(MessagePosted posted)
    {
        var message = posted.Message;
        if (message.ChangeSeq <= ChangeSeq)
        {
            ConfirmPending([message]);
            return TimelineChange.AlreadyApplied;
        }
        if (message.ChangeSeq > ChangeSeq + 1)
            return TimelineChange.Gap;
        ChangeSeq = message.ChangeSeq;
        Upsert(message, evenBeyondWindow: false);
        ConfirmPending([message]);
        return TimelineChange.Applied;
    }

    public void Apply(ChannelChanges changes)
    {
        foreach (var message in changes.Messages)
            Upsert(message, evenBeyondWindow: false);
        ConfirmPending(changes.Messages);
        ChangeSeq = Math.Max(ChangeSeq, changes.ChangeSeq);
    }

    public void AddPending(PendingMessage pending) => _pending.Add(pending);

    /// <summary>The server has the message: the pending copy gives way to the real one, whichever arrived first.</summary>
    public void Confirm(MessageView message)
    {
        Upsert(message, evenBeyondWindow: false);
        ConfirmPending([message]);
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
        var index = _messages.FindIndex(m => m.Id == message.Id);
        if (index >= 0)
        {
            _messages[index] = message;
            return;
        }
        // While the window ends in the past, newer messages arrive by paging forward, not live.
        if (HasNewer && !evenBeyondWindow && (_messages.Count == 0 || message.Seq > _messages[^1].Seq))
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
