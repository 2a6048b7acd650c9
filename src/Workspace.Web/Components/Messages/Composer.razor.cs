using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.DirectMessages;
using Workspace.Domain.Mentions;
using Workspace.Domain.Messages;
using Workspace.Domain.Pipeline;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Components.Messages;

/// <summary>
/// The message box. The browser owns the text while it is typed (no round trip per key); Enter hands it
/// over here, and the box is emptied only once the send has been accepted.
/// </summary>
public sealed partial class Composer
{
    protected override object Shown() => (Target, Autofocus, Label, ChannelId, OffersEveryone);

    /// <summary>Where the message goes, as people read it: "#general", or "Ann Lee" in a direct conversation.</summary>
    [Parameter, EditorRequired] public string Target { get; set; } = "";

    /// <summary>
    /// Starts sending; the page shows the message as pending at once and does not wait for the server. Once the server
    /// has settled it, the page calls <see cref="DeliveredAsync"/>; until then a reloaded page sends it again.
    /// </summary>
    [Parameter, EditorRequired] public EventCallback<ComposedMessage> OnSend { get; set; }

    /// <summary>Takes the focus from another box when it appears (a thread's Reply box, opened on purpose).</summary>
    [Parameter] public bool Autofocus { get; set; }

    /// <summary>The box's name when it is not "Message {Target}", e.g. "Reply" in a thread.</summary>
    [Parameter] public string? Label { get; set; }

    /// <summary>The conversation, whose members are suggested after an @.</summary>
    [Parameter, EditorRequired] public Guid ChannelId { get; set; }

    [CascadingParameter] private Viewer Viewer { get; set; } = default!;
    [Inject] private Sender Sender { get; set; } = default!;

    /// <summary>Whether @channel and @here are offered (channels, not direct conversations).</summary>
    [Parameter] public bool OffersEveryone { get; set; }

    private const int MaxSuggestions = 8;
    private List<Suggestion> suggestions = [];
    private int selected;
    private int asked;

    private ElementReference form;
    private ElementReference textarea;
    private ComponentScript? script;
    private DotNetObjectReference<Composer>? self;
    private bool disposed;
    private string? error;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
            return;
        self = DotNetObjectReference.Create(this);
        script = await ComponentScript.AttachAsync(JS, "./Components/Messages/Composer.razor.js", () => disposed, "attach",
            form, textarea, self, new { mentions = true, focus = Autofocus, outbox = true });
    }

    /// <summary>The browser saw "@query" before the caret (or null when it is gone); returns how many match.</summary>
    [JSInvokable]
    public async Task<int> Suggest(string? query)
    {
        // Keys come faster than answers: only the latest question's answer is shown.
        var ticket = ++asked;
        var found = query is null ? [] : await MatchingAsync(query);
        if (ticket == asked)
        {
            suggestions = found;
            selected = 0;
            StateHasChanged();
        }
        return suggestions.Count;
    }

    [JSInvokable]
    public void Move(int by)
    {
        if (suggestions.Count == 0)
            return;
        selected = (selected + by + suggestions.Count) % suggestions.Count;
        StateHasChanged();
    }

    [JSInvokable]
    public string? Choose() => suggestions.Count == 0 ? null : suggestions[selected].Handle;

    private async Task PickAsync(string handle)
    {
        if (script is not null)
            await script.Attached.InvokeVoidAsync("insert", handle);
    }

    /// <summary>
    /// Asked of the server as the person types: a page holding every member of a large channel would cost each
    /// connected person memory for the whole member list (docs/benchmarks.md, memory per connected person).
    /// </summary>
    private async Task<List<Suggestion>> MatchingAsync(string query)
    {
        IReadOnlyList<Participant> people;
        try
        {
            people = await Sender.Send(new GetChannelMembers(Viewer.Id, ChannelId, query, MaxSuggestions));
        }
        catch (DomainException)
        {
            // Left or lost the channel while typing, or typed past what a search takes: nobody to suggest.
            people = [];
        }
        var everyone = OffersEveryone
            ? new[] { new Suggestion(MessageMentions.Channel, "Everyone in the channel"), new Suggestion(MessageMentions.Here, "Everyone online") }
                .Where(s => s.Handle.StartsWith(query, StringComparison.OrdinalIgnoreCase))
            : [];
        return [.. people.Select(m => new Suggestion(m.Handle, m.DisplayName)).Concat(everyone).Take(MaxSuggestions)];
    }

    private sealed record Suggestion(string Handle, string Label);

    /// <summary>Returns true when the text was taken, so that the browser clears the box.</summary>
    /// <param name="clientMessageId">Chosen by the browser, which sends a message again under it after losing the server.</param>
    [JSInvokable]
    public async Task<bool> Send(string text, string clientMessageId)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text) || !Guid.TryParse(clientMessageId, out var id))
            return false;
        if (text.Length > Message.MaxLength)
        {
            error = $"Messages are at most {Message.MaxLength:N0} characters; this one has {text.Length:N0}.";
            StateHasChanged();
            return false;
        }
        await OnSend.InvokeAsync(new ComposedMessage(text, id));
        StateHasChanged();
        return true;
    }

    /// <summary>The message was stored (or refused for good): the browser stops holding it for a resend.</summary>
    public async Task DeliveredAsync(Guid clientMessageId)
    {
        try
        {
            if (script is not null)
                await script.Attached.InvokeVoidAsync("delivered", clientMessageId.ToString());
        }
        catch (JSDisconnectedException)
        {
            // The page is gone; the next one sends it again under the same id, which posts nothing new.
        }
    }

    public async ValueTask DisposeAsync()
    {
        disposed = true;
        if (script is not null)
            await script.DisposeAsync();
        self?.Dispose();
    }
}

/// <param name="ClientMessageId">Chosen by the browser; every resend of this message carries it.</param>
public sealed record ComposedMessage(string Text, Guid ClientMessageId);
