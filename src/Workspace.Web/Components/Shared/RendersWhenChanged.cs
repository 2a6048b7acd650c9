using Microsoft.AspNetCore.Components;

namespace Workspace.Web.Components.Shared;

/// <summary>
/// A component that renders again after its parent did only when something it shows has changed. Blazor does not
/// compare parameters that are records, lists or delegates, so by default every child of a page rendered again
/// whenever the page did: each live message re-rendered the header, the message box and every message of every open
/// page. Callbacks that are the parent's own methods are left out of <see cref="Shown"/>.
/// </summary>
public abstract class RendersWhenChanged : ComponentBase
{
    private object? shown;
    private bool unchanged;

    /// <summary>The parameters that change what the component shows, as one value compared with Equals (a tuple).</summary>
    protected abstract object Shown();

    protected override void OnParametersSet()
    {
        var now = Shown();
        unchanged = shown is { } previous && previous.Equals(now);
        shown = now;
    }

    protected override bool ShouldRender()
    {
        // Only the render that follows unchanged parameters is skipped; the component's own events always render.
        if (!unchanged)
            return true;
        unchanged = false;
        return false;
    }
}
