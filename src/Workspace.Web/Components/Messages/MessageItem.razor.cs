using Microsoft.AspNetCore.Components;
using Workspace.Domain.Messages;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Components.Messages;

/// <summary>
/// A message someone acts on: editing it, picking a reaction, confirming its deletion, or in the thread pane. Written
/// from the same pieces as the list's markup (<see cref="MessageMarkup"/>), with the parts that hold state in between;
/// it renders again only when something it shows has changed (<see cref="RendersWhenChanged"/>).
/// </summary>
public sealed partial class MessageItem
{
    [CascadingParameter] private Viewer Viewer { get; set; } = default!;

    [Parameter, EditorRequired] public MessageView Message { get; set; } = default!;
    [Parameter, EditorRequired] public MessageActions Actions { get; set; } = default!;
    [Parameter] public bool Grouped { get; set; }
    [Parameter] public bool Highlight { get; set; }

    /// <summary>The action on the list's markup that made this message a component, done when it first renders.</summary>
    [Parameter] public MessageActionEventArgs? Start { get; set; }

    private MessageLook look;
    private bool started;
    private bool editing;
    private bool picking;
    private bool confirmingDelete;
    private bool showingProfile;

    protected override object Shown() => (Message, Actions, Grouped, Highlight, Viewer);

    protected override void OnParametersSet()
    {
        look = MessageLook.For(Message, Actions, Viewer, Grouped, Highlight);
        base.OnParametersSet();
    }

    protected override Task OnParametersSetAsync()
    {
        if (started || Start is null)
            return Task.CompletedTask;
        started = true;
        return ActAsync(Start);
    }

    /// <summary>Only what the message offered: an action it did not show is ignored, whoever sent it.</summary>
    private Task ActAsync(MessageActionEventArgs e)
    {
        switch (e.Action)
        {
            case "profile":
                showingProfile = true;
                break;
            case "thread" when look.LinksToThread(Message):
                return Actions.OnOpenThread.InvokeAsync(Message.ThreadRootId!.Value);
            case "replies" when look.ShowsReplies(Message):
            case "reply" when look.Offers.HasFlag(MessageOffers.Reply):
                return Actions.OnOpenThread.InvokeAsync(Message.Id);
            case "reaction" when !look.ReadOnly && Message.Reactions.Any(r => r.Emoji == e.Emoji):
                return Actions.OnToggleReaction.InvokeAsync((Message, e.Emoji));
            case "react" when look.Offers.HasFlag(MessageOffers.React):
                picking = !picking;
                break;
            case "edit" when look.Offers.HasFlag(MessageOffers.Edit):
                editing = true;
                break;
            case "delete" when look.Offers.HasFlag(MessageOffers.Delete):
                confirmingDelete = true;
                break;
            case "unread" when look.Offers.HasFlag(MessageOffers.MarkUnread):
                return Actions.OnMarkUnread.InvokeAsync(Message);
        }
        return Task.CompletedTask;
    }

    private async Task<string?> SaveAsync(string text)
    {
        var error = await Actions.Edit(Message, text);
        editing = error is not null;
        return error;
    }

    private async Task PickAsync(string emoji)
    {
        picking = false;
        await Actions.OnToggleReaction.InvokeAsync((Message, emoji));
    }

    private async Task DeleteAsync()
    {
        confirmingDelete = false;
        await Actions.OnDelete.InvokeAsync(Message);
    }
}
