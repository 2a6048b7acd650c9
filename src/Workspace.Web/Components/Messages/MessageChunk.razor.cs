using System.Globalization;
using Microsoft.AspNetCore.Components;
using Workspace.Domain.Messages;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Components.Messages;

/// <summary>
/// The messages of one run of seqs (<see cref="Size"/> of them), with their day and "New messages" lines. A live
/// message renders the last chunk again, not the whole list: with a component per message, the list comparing all of
/// its messages' parameters for every arrival was most of a live page's work (docs/benchmarks.md, fan-out). A chunk
/// renders again only when one of its messages, the message before it, or a line within it changed.
/// </summary>
public sealed partial class MessageChunk
{
    /// <summary>Seqs per chunk. Chunks follow seqs, not positions, so letting the oldest messages go changes only the first.</summary>
    public const int Size = 10;

    private static readonly TimeSpan GroupWindow = TimeSpan.FromMinutes(5);

    [CascadingParameter] private Viewer Viewer { get; set; } = default!;

    /// <summary>The whole timeline; this chunk shows the messages from <see cref="Start"/> to before <see cref="End"/>.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<MessageView> Messages { get; set; } = [];
    [Parameter] public int Start { get; set; }
    [Parameter] public int End { get; set; }

    /// <summary>The last message shown before this chunk: the first one here is grouped with it or starts a day.</summary>
    [Parameter] public MessageView? Previous { get; set; }

    /// <summary>The first unread message's seq, when it is in this chunk.</summary>
    [Parameter] public long? FirstUnreadSeq { get; set; }

    /// <summary>A permalink's message, when it is in this chunk.</summary>
    [Parameter] public long? HighlightSeq { get; set; }

    [Parameter, EditorRequired] public MessageActions Actions { get; set; } = default!;

    private MessageView[] shown = [];
    private (MessageView? Previous, long? FirstUnreadSeq, long? HighlightSeq, MessageActions Actions, Viewer Viewer, DateTime Today) shownWith;
    private bool unchanged;

    public static long Of(MessageView message) => message.Seq / Size;

    protected override void OnParametersSet()
    {
        var with = (Previous, FirstUnreadSeq, HighlightSeq, Actions, Viewer, Today());
        unchanged = with == shownWith && SameMessages();
        if (unchanged)
            return;
        shownWith = with;
        shown = new MessageView[End - Start];
        for (var i = Start; i < End; i++)
            shown[i - Start] = Messages[i];
    }

    protected override bool ShouldRender() => !unchanged;

    /// <summary>The same message views as last time: a timeline replaces a view whenever its message changes.</summary>
    private bool SameMessages()
    {
        if (shown.Length != End - Start)
            return false;
        for (var i = Start; i < End; i++)
            if (!ReferenceEquals(shown[i - Start], Messages[i]))
                return false;
        return true;
    }

    private DateTime Today() => Viewer.LocalTime(DateTimeOffset.UtcNow).Date;

    private string DayLabel(DateTime day)
    {
        var today = Today();
        return day == today ? "Today"
            : day == today.AddDays(-1) ? "Yesterday"
            : day.ToString(day.Year == today.Year ? "dddd d MMMM" : "d MMMM yyyy", CultureInfo.InvariantCulture);
    }
}
