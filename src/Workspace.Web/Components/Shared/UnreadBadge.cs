using System.Globalization;

namespace Workspace.Web.Components.Shared;

/// <summary>
/// Mentions first, as in every chat tool: "@2" says someone is waiting for you; a plain count says there is news.
/// Nothing when there is neither.
/// </summary>
public static class UnreadBadge
{
    public static string Markup(long count, long mentions) =>
        mentions > 0 ? $"""<span class="badge mention">@{Number(mentions)}<span class="visually-hidden"> mentions</span></span>"""
        : count > 0 ? $"""<span class="badge">{Number(count)}<span class="visually-hidden"> unread</span></span>"""
        : "";

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}
