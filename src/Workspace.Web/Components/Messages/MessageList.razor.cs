using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Workspace.Domain.Messages;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Components.Messages;

public sealed partial class MessageList
{
    [CascadingParameter]
    private Viewer Viewer { get; set; } = default!;

    /// <summary>The conversation's address, e.g. /c/general; permalinks add /{seq}.</summary>
    [Parameter, EditorRequired] public string BasePath { get; set; } = "";

    /// <summary>
    /// The page's messages and sends in flight, read when the list renders: a live message renders the list alone
    /// (<see cref="Refresh"/>), not the page around it.
    /// </summary>
    [Parameter, EditorRequired] public Timeline Timeline { get; set; } = default!;

    /// <summary>The first message after the viewer's read pointer; the "New messages" line goes before it.</summary>
    [Parameter] public long? FirstUnreadSeq { get; set; }

    /// <summary>A permalink's message, scrolled to and highlighted.</summary>
    [Parameter] public long? HighlightSeq { get; set; }

    [Parameter] public EventCallback OnLoadOlder { get; set; }
    [Parameter] public EventCallback OnLoadNewer { get; set; }
    [Parameter] public EventCallback<PendingMessage> OnRetry { get; set; }
    [Parameter] public bool CanMarkUnread { get; set; }
    [Parameter] public bool ReadOnly { get; set; }
    [Parameter, EditorRequired] public Func<MessageView, string, Task<string?>> Edit { get; set; } = default!;
    [Parameter] public EventCallback<MessageView> OnDelete { get; set; }
    [Parameter] public EventCallback<(MessageView Message, string Emoji)> OnToggleReaction { get; set; }
    [Parameter] public EventCallback<MessageView> OnMarkUnread { get; set; }
    [Parameter] public EventCallback<Guid> OnOpenThread { get; set; }
    [Parameter] public EventCallback<PendingMessage> OnDiscard { get; set; }

    /// <summary>Told when the reader scrolls away from the newest messages (false) or back to them (true).</summary>
    [Parameter] public Action<bool>? OnAtNewestChanged { get; set; }

    private ElementReference container;
    private ComponentScript? script;
    private DotNetObjectReference<MessageList>? self;
    private bool disposed;
    private (string Handle, string ShownAs)? profile;
    private bool loading;

    /// <summary>Changes whenever the page loads a fresh window; the list then scrolls to where reading starts.</summary>
    [Parameter] public int Window { get; set; }

    private int scrolledWindow = -1;
    private MessageActions actions = default!;
    private readonly ChunkArrangement chunks = new();
    private readonly Dictionary<long, MessageChunk> mounted = [];
    private (int Pending, bool HasOlder, bool HasNewer, bool Empty) renderedAround;
    private readonly HashSet<Guid> components = [];
    private readonly Dictionary<Guid, MessageActionEventArgs> starts = [];

    private IReadOnlyList<MessageView> Messages => Timeline.Messages;
    private IReadOnlyList<PendingMessage> Pending => Timeline.Pending;
    private bool HasOlder => Timeline.HasOlder;
    private bool HasNewer => Timeline.HasNewer;

    protected override void OnParametersSet()
    {
        // Kept while equal, so that the messages see their actions unchanged and need not render again.
        var next = new MessageActions(BasePath, CanMarkUnread, ReadOnly, Edit, OnDelete, OnToggleReaction, OnMarkUnread, OnOpenThread);
        if (!next.Equals(actions))
            actions = next;
        chunks.Arrange(Messages, FirstUnreadSeq, HighlightSeq, actions, Viewer);
    }

    /// <summary>
    /// Shows what changed in the timeline: a live message, an edit, a reaction. When that changed one chunk and nothing
    /// around the chunks (the usual live message, which joins the last chunk), the chunk renders alone: the list
    /// rendering around it built and compared every chunk's parameters again, for each message on each open page
    /// (docs/benchmarks.md, fan-out).
    /// </summary>
    public void Refresh()
    {
        var moved = chunks.Arrange(Messages, FirstUnreadSeq, HighlightSeq, actions, Viewer);
        MessageChunk? alone = null;
        var more = false;
        foreach (var arranged in chunks.Chunks)
        {
            if (mounted.TryGetValue(arranged.Number, out var chunk) && ReferenceEquals(chunk.Shown, arranged))
                continue;
            more |= alone is not null || chunk is null;
            alone = chunk;
        }
        if (moved || more || AroundChunks != renderedAround)
            StateHasChanged();
        else
            alone?.Show();
    }

    /// <summary>What the list shows besides its chunks.</summary>
    private (int Pending, bool HasOlder, bool HasNewer, bool Empty) AroundChunks => (Pending.Count, HasOlder, HasNewer, Messages.Count == 0);

    /// <summary>What the chunk numbered <paramref name="number"/> shows, for the chunk itself.</summary>
    internal ChunkShown Chunk(long number) => chunks[number];

    internal void Mount(MessageChunk chunk) => mounted[chunk.Number] = chunk;

    internal void Unmount(MessageChunk chunk)
    {
        if (mounted.GetValueOrDefault(chunk.Number) == chunk)
            mounted.Remove(chunk.Number);
    }

    /// <summary>Whether the list shows this message as a component (<see cref="MessageItem"/>) rather than as markup.</summary>
    internal bool IsComponent(Guid messageId) => components.Contains(messageId);

    /// <summary>
    /// The action that made this message a component, once: the component that first renders it does it, and a later
    /// one (the message scrolled out and back, the channel left and opened again) must not do it again.
    /// </summary>
    internal MessageActionEventArgs? TakeStart(Guid messageId) => starts.Remove(messageId, out var start) ? start : null;

    /// <summary>
    /// A button of a message shown as markup (<see cref="MessageMarkup"/>): the message becomes a component, which
    /// does what was asked and holds what it leads to (an edit box, the reaction picker, a dialog). It stays one while
    /// the list lives.
    /// </summary>
    private void Act(MessageActionEventArgs e)
    {
        if (!Guid.TryParse(e.MessageId, out var id) || components.Contains(id)
            || Messages.FirstOrDefault(m => m.Id == id) is not { } message)
            return;
        components.Add(id);
        starts[id] = e;
        chunks.Forget(MessageChunk.Of(message));
        Refresh();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            self = DotNetObjectReference.Create(this);
            script = await ComponentScript.AttachAsync(JS, "./Components/Messages/MessageList.razor.js", () => disposed, "observe",
                container, self);
        }
        if (script is not null && scrolledWindow != Window && Messages.Count > 0)
        {
            scrolledWindow = Window;
            await script.Module.InvokeVoidAsync("scrollToStart", container, HighlightSeq);
        }
    }

    private async Task JumpToUnreadAsync()
    {
        if (script is not null)
            await script.Module.InvokeVoidAsync("scrollToSeparator", container);
    }

    [JSInvokable]
    public void ShowProfile(string handle, string shownAs)
    {
        profile = (handle, shownAs);
        StateHasChanged();
    }

    /// <summary>Not an event callback: where the reader scrolled changes nothing shown, so nothing renders again.</summary>
    [JSInvokable]
    public void AtNewest(bool atNewest) => OnAtNewestChanged?.Invoke(atNewest);

    [JSInvokable]
    public Task LoadOlder() => LoadAsync(HasOlder, OnLoadOlder);

    [JSInvokable]
    public Task LoadNewer() => LoadAsync(HasNewer, OnLoadNewer);

    private async Task LoadAsync(bool more, EventCallback load)
    {
        if (!more || loading)
            return;
        loading = true;
        try
        {
            await load.InvokeAsync();
        }
        finally
        {
            loading = false;
        }
        // The sentinel may still be in view when the page was short; look again.
        if (script is not null)
            await script.Attached.InvokeVoidAsync("recheck");
    }

    public async ValueTask DisposeAsync()
    {
        disposed = true;
        if (script is not null)
            await script.DisposeAsync();
        self?.Dispose();
    }
}
