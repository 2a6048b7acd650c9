using Microsoft.JSInterop;

namespace Workspace.Web.Components.Shared;

/// <summary>
/// Takes a component's script off its page as the component goes. An exception out of a component's disposal, or out
/// of its first render's attach, ends the person's whole circuit: their page stays on screen but nothing answers any
/// more. CI saw both as a page moved on: a message list's detach canceled, and a composer attaching after it had been
/// disposed. So a component attaches only while it is still there, and what fails here because the page is gone or
/// going is let go: nothing is left to detach on its side.
/// </summary>
public static class ScriptDetach
{
    /// <summary>Tells <paramref name="attached"/> to let go of the page, then releases it and its <paramref name="module"/>.</summary>
    public static async ValueTask DetachAsync(IJSObjectReference? attached, IJSObjectReference? module)
    {
        try
        {
            if (attached is not null)
            {
                await attached.InvokeVoidAsync("dispose");
                await attached.DisposeAsync();
            }
            if (module is not null)
                await module.DisposeAsync();
        }
        catch (Exception e) when (e is JSDisconnectedException or JSException or OperationCanceledException)
        {
        }
    }
}
