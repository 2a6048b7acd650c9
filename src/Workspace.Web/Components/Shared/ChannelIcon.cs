using Microsoft.AspNetCore.Components;

namespace Workspace.Web.Components.Shared;

/// <summary>
/// A lock for private channels, a hash for public ones. An SVG, so it needs no emoji font. One piece of markup
/// rather than elements or a component of its own: a sidebar shows one per channel, and every frame and component a
/// circuit keeps costs it memory (docs/benchmarks.md, memory per connected person).
/// </summary>
public static class ChannelIcon
{
    public static MarkupString For(bool isPrivate) => isPrivate ? Lock : Hash;

    private static readonly MarkupString Lock = new(
        """<svg class="channel-icon" viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" focusable="false">"""
        + """<path fill="currentColor" d="M4.5 7V5a3.5 3.5 0 1 1 7 0v2h.5A1 1 0 0 1 13 8v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h.5Zm1.5 0h4V5a2 2 0 1 0-4 0v2Z"></path>"""
        + "</svg>");

    private static readonly MarkupString Hash = new("""<span class="channel-icon" aria-hidden="true">#</span>""");
}
