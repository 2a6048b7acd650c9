using Workspace.Domain.Messages;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Components.Messages;

/// <summary>What one chunk of the message list shows (<see cref="MessageChunk"/>); a new version whenever any of it changed.</summary>
/// <param name="Previous">The last message shown before the chunk: its first message is grouped with it or starts a day.</param>
/// <param name="FirstUnreadSeq">The first unread message's seq, when it is in this chunk.</param>
/// <param name="HighlightSeq">A permalink's message, when it is in this chunk.</param>
public sealed record ChunkShown(long Number, MessageView[] Messages, MessageView? Previous, long? FirstUnreadSeq, long? HighlightSeq,
    MessageActions Actions, Viewer Viewer, DateTime Today, int Version);

/// <summary>
/// The message list cut into chunks of <see cref="MessageChunk.Size"/> seqs, each compared with what it showed before.
/// A chunk whose <see cref="ChunkShown.Version"/> stayed the same is not even handed its parameters (they are two
/// numbers, which Blazor compares): with a hundred messages on a page, a live message renders the last chunk only.
/// </summary>
public sealed class ChunkArrangement
{
    private Dictionary<long, ChunkShown> shown = [];
    private List<ChunkShown> ordered = [];
    // Filled by the next arrangement and then swapped with the current: every open page arranges its list for every
    // live message, and a thousand pages allocating these each time were among the allocations that set off collections.
    private Dictionary<long, ChunkShown> nextShown = [];
    private List<ChunkShown> nextOrdered = [];
    private int versions;

    public IReadOnlyList<ChunkShown> Chunks => ordered;

    public ChunkShown this[long number] => shown[number];

    /// <summary>Cuts the messages into chunks again; true when chunks came, went or moved, false when only what they show changed.</summary>
    public bool Arrange(IReadOnlyList<MessageView> messages, long? firstUnreadSeq, long? highlightSeq, MessageActions actions, Viewer viewer)
    {
        // The line goes before the first unread message still there: the very first may have been deleted.
        var firstUnreadShown = firstUnreadSeq is { } unread ? messages.FirstOrDefault(m => !m.Deleted && m.Seq >= unread)?.Seq : null;
        var today = viewer.LocalTime(DateTimeOffset.UtcNow).Date;
        var (arranged, inOrder) = (nextShown, nextOrdered);
        arranged.Clear();
        inOrder.Clear();
        MessageView? previous = null;
        for (var start = 0; start < messages.Count;)
        {
            var number = MessageChunk.Of(messages[start]);
            var end = start + 1;
            while (end < messages.Count && MessageChunk.Of(messages[end]) == number)
                end++;
            var (unreadHere, highlightHere) = (InChunk(firstUnreadShown, number), InChunk(highlightSeq, number));
            var chunk = shown.GetValueOrDefault(number) is { } before
                        && (before.Previous, before.FirstUnreadSeq, before.HighlightSeq, before.Actions, before.Viewer, before.Today)
                            == (previous, unreadHere, highlightHere, actions, viewer, today)
                        && SameMessages(before.Messages, messages, start, end)
                ? before
                : new ChunkShown(number, Slice(messages, start, end), previous, unreadHere, highlightHere, actions, viewer, today, ++versions);
            arranged[number] = chunk;
            inOrder.Add(chunk);
            for (var i = start; i < end; i++)
                if (!messages[i].Deleted)
                    previous = messages[i];
            start = end;
        }
        var moved = inOrder.Count != ordered.Count;
        for (var i = 0; !moved && i < inOrder.Count; i++)
            moved = inOrder[i].Number != ordered[i].Number;
        (shown, nextShown) = (arranged, shown);
        (ordered, nextOrdered) = (inOrder, ordered);
        return moved;
    }

    /// <summary>The chunk numbered <paramref name="number"/> gets a new version at the next arrangement.</summary>
    public void Forget(long number) => shown.Remove(number);

    /// <summary>The same message views as before: a timeline replaces a view whenever its message changes.</summary>
    private static bool SameMessages(MessageView[] before, IReadOnlyList<MessageView> messages, int start, int end)
    {
        if (before.Length != end - start)
            return false;
        for (var i = start; i < end; i++)
            if (!ReferenceEquals(before[i - start], messages[i]))
                return false;
        return true;
    }

    private static MessageView[] Slice(IReadOnlyList<MessageView> messages, int start, int end)
    {
        var slice = new MessageView[end - start];
        for (var i = start; i < end; i++)
            slice[i - start] = messages[i];
        return slice;
    }

    private static long? InChunk(long? seq, long chunk) => seq is { } value && value / MessageChunk.Size == chunk ? value : null;
}
