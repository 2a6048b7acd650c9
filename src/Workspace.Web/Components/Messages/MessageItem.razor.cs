using Workspace.Domain.Messages;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Components.Messages;

/// <summary>
/// A message renders again only when something it shows has changed. Its parameters are records and delegates,
/// which Blazor does not compare, so by default every message of a list rendered again whenever the list did: each
/// live message re-rendered every message of every open page. The callbacks are the page's own methods and are
/// left out of the comparison.
/// </summary>
public sealed partial class MessageItem
{
    private (MessageView, string, bool, bool, bool, bool, Viewer, Func<MessageView, string, Task<string?>>)? shown;
    private bool unchanged;

    protected override void OnParametersSet()
    {
        var now = (Message, BasePath, Grouped, Highlight, CanMarkUnread, ReadOnly, Viewer, Edit);
        unchanged = shown is { } previous && previous.Equals(now);
        shown = now;
    }

    protected override bool ShouldRender()
    {
        // Only the render that follows unchanged parameters is skipped; the item's own events always render.
        if (!unchanged)
            return true;
        unchanged = false;
        return false;
    }
}
