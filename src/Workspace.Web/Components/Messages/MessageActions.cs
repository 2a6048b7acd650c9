using Microsoft.AspNetCore.Components;
using Workspace.Domain.Messages;

namespace Workspace.Web.Components.Messages;

/// <summary>
/// What a message's buttons do, and whether the list allows them: the same for every message of a list, so a list
/// hands its messages one shared object rather than eight parameters each (each parameter is a frame kept in the
/// list's render tree, and a boxed value, for every message a circuit shows).
/// </summary>
/// <param name="BasePath">The conversation's address, e.g. /c/general; permalinks add /{seq}.</param>
/// <param name="ReadOnly">The channel is archived: messages are kept as they are, without reactions, edits or deletes.</param>
/// <param name="Edit">Saves an edit; returns the error to show, or null.</param>
/// <param name="OnOpenThread">Opens the thread whose first message has this id; absent inside the thread pane itself.</param>
public sealed record MessageActions(
    string BasePath,
    bool CanMarkUnread,
    bool ReadOnly,
    Func<MessageView, string, Task<string?>> Edit,
    EventCallback<MessageView> OnDelete,
    EventCallback<(MessageView Message, string Emoji)> OnToggleReaction,
    EventCallback<MessageView> OnMarkUnread,
    EventCallback<Guid> OnOpenThread);

/// <summary>
/// A click on one of a message's buttons, which name what they do in <c>data-action</c> (the author, the thread links,
/// a reaction, the toolbar). start.js turns such a click into this event, for one handler on the message list, or on
/// the message itself once it is a component (<see cref="MessageMarkup"/>).
/// </summary>
public sealed class MessageActionEventArgs : EventArgs
{
    public string Action { get; set; } = "";

    /// <summary>The message the button belongs to (its article's <c>data-message-id</c>).</summary>
    public string MessageId { get; set; } = "";

    /// <summary>For a reaction, its emoji.</summary>
    public string Emoji { get; set; } = "";
}

/// <summary>Razor finds custom events only on a class of exactly this name.</summary>
[EventHandler("onmessageaction", typeof(MessageActionEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
public static class EventHandlers { }
