using System.Globalization;
using Microsoft.AspNetCore.Components;
using Workspace.Domain.Messages;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Components.Messages;

/// <summary>
/// The messages of one run of seqs (<see cref="Size"/> of them), with their day and "New messages" lines. A live
/// message renders the last chunk again, not the whole list: with a component per message, the list comparing all of
/// its messages' parameters for every arrival was most of a live page's work (docs/benchmarks.md, fan-out). A chunk
/// renders again only when one of its messages, the message before it, or a line within it changed: its parameters
/// are two numbers, so Blazor does not even hand an unchanged chunk its parameters.
/// </summary>
public sealed partial class MessageChunk : IDisposable
{
    /// <summary>Seqs per chunk. Chunks follow seqs, not positions, so letting the oldest messages go changes only the first.</summary>
    public const int Size = 10;

    private static readonly TimeSpan GroupWindow = TimeSpan.FromMinutes(5);

    /// <summary>The list this chunk belongs to, which knows what each of its chunks shows.</summary>
    [CascadingParameter] private MessageList List { get; set; } = default!;

    /// <summary>Which run of seqs: seq / <see cref="Size"/>.</summary>
    [Parameter] public long Number { get; set; }

    /// <summary>Changes whenever anything the chunk shows changed (<see cref="ChunkArrangement"/>).</summary>
    [Parameter] public int Version { get; set; }

    private ChunkShown shown = default!;

    public static long Of(MessageView message) => message.Seq / Size;

    /// <summary>What the chunk shows now; the list compares it with what it arranged.</summary>
    internal ChunkShown Shown => shown;

    protected override void OnInitialized() => List.Mount(this);

    protected override void OnParametersSet() => shown = List.Chunk(Number);

    /// <summary>Renders what the list now arranged for this chunk, without the list rendering around it.</summary>
    internal void Show()
    {
        shown = List.Chunk(Number);
        StateHasChanged();
    }

    public void Dispose() => List.Unmount(this);

    private string DayLabel(DateTime day)
    {
        var today = shown.Today;
        return day == today ? "Today"
            : day == today.AddDays(-1) ? "Yesterday"
            : day.ToString(day.Year == today.Year ? "dddd d MMMM" : "d MMMM yyyy", CultureInfo.InvariantCulture);
    }
}
