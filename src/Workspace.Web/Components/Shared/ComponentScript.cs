using Microsoft.JSInterop;

namespace Workspace.Web.Components.Shared;

/// <summary>
/// A component's script module and the object its attach function returned, held while the component is shown. An
/// exception out of a component's first-render attach, or out of its disposal, ends the person's whole circuit: their
/// page stays on screen but nothing answers any more. CI saw both as a page moved on: a composer attaching after it had
/// been disposed, and a message list's detach canceled. So attaching stops, and undoes itself, once the component is
/// gone; and detaching lets go of what fails because the page is gone or going, as nothing is left on its side.
/// </summary>
public sealed class ComponentScript : IAsyncDisposable
{
    private ComponentScript(IJSObjectReference module, IJSObjectReference attached) => (Module, Attached) = (module, attached);

    public IJSObjectReference Module { get; }

    /// <summary>What the module's attach function returned; its <c>dispose</c> lets go of the page.</summary>
    public IJSObjectReference Attached { get; }

    /// <summary>
    /// Imports <paramref name="path"/> and calls its <paramref name="attach"/> export with <paramref name="args"/>;
    /// null when the component went meanwhile (<paramref name="gone"/>), with whatever was attached detached again.
    /// </summary>
    public static async Task<ComponentScript?> AttachAsync(IJSRuntime js, string path, Func<bool> gone, string attach, params object?[] args)
    {
        var module = await js.InvokeAsync<IJSObjectReference>("import", path);
        if (gone())
        {
            await DetachAsync(null, module);
            return null;
        }
        var script = new ComponentScript(module, await module.InvokeAsync<IJSObjectReference>(attach, args));
        if (!gone())
            return script;
        await script.DisposeAsync();
        return null;
    }

    public ValueTask DisposeAsync() => DetachAsync(Attached, Module);

    private static async ValueTask DetachAsync(IJSObjectReference? attached, IJSObjectReference module)
    {
        try
        {
            if (attached is not null)
            {
                await attached.InvokeVoidAsync("dispose");
                await attached.DisposeAsync();
            }
            await module.DisposeAsync();
        }
        catch (Exception e) when (e is JSDisconnectedException or JSException or OperationCanceledException)
        {
        }
    }
}
