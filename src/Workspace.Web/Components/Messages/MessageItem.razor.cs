using Microsoft.AspNetCore.Components;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Components.Messages;

/// <summary>A message renders again only when something it shows has changed (<see cref="RendersWhenChanged"/>).</summary>
public sealed partial class MessageItem
{
    /// <summary>
    /// The toolbar's buttons, in order, as the markup they are: each names its action for the toolbar's one handler
    /// (<see cref="MessageActionEventArgs"/>).
    /// </summary>
    private static readonly string[] ToolbarButtons =
    [
        """<button type="button" aria-label="Add reaction" title="Add reaction" data-action="react">☺</button>""",
        """<button type="button" title="Reply in thread" data-action="reply">Reply in thread</button>""",
        """<button type="button" title="Edit" data-action="edit">Edit</button>""",
        """<button type="button" title="Delete" data-action="delete">Delete</button>""",
        """<button type="button" title="Mark unread" data-action="unread">Mark unread</button>""",
    ];

    /// <summary>
    /// Every toolbar there can be, one string each, shared by all messages and circuits: one frame per message
    /// instead of one per button keeps a message's render tree within 32 frames, half the memory of 33 to 64
    /// (docs/benchmarks.md, memory per connected person).
    /// </summary>
    private static readonly MarkupString[] Toolbars =
        [.. Enumerable.Range(0, 1 << ToolbarButtons.Length)
            .Select(shown => new MarkupString(string.Concat(ToolbarButtons.Where((_, i) => (shown & 1 << i) != 0))))];

    protected override object Shown() => (Message, Actions, Grouped, Highlight, Viewer);

    private MarkupString Toolbar() =>
        Toolbars[(CanReact ? 1 : 0) | (CanReply ? 2 : 0) | (CanEdit ? 4 : 0) | (CanDelete ? 8 : 0) | (Actions.CanMarkUnread ? 16 : 0)];
}
