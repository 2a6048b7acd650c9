using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Components.Layout;

/// <summary>
/// What a sidebar link shows inside it, its icon, name and unread badge, as one piece of markup. Written as elements,
/// fifty links were a thousand frames, which every circuit kept twice (its last render and the one before) and
/// compared whenever a count changed (docs/benchmarks.md, memory per connected person). The link stays an element,
/// so one that has the focus keeps it while its badge changes; and a link that looks alike for many people is one
/// string for all of them.
/// </summary>
public static class SidebarMarkup
{
    private static readonly SharedCache<(string? Person, bool IsPrivate, string Title, long Unread, long Mentions), MarkupString> Cache = new(4_096);

    public static MarkupString Channel(bool isPrivate, string name, long unread, long mentions) =>
        Cache.GetOrAdd((null, isPrivate, name, unread, mentions), Write);

    /// <param name="person">What stands for the people in the conversation: an initial, or how many they are.</param>
    public static MarkupString Conversation(string person, string title, long unread, long mentions) =>
        Cache.GetOrAdd((person, false, title, unread, mentions), Write);

    private static MarkupString Write((string? Person, bool IsPrivate, string Title, long Unread, long Mentions) key)
    {
        var prefix = key.Person is { } person
            ? $"""<span class="prefix person" aria-hidden="true">{Encode(person)}</span>"""
            : $"""<span class="prefix">{ChannelIcon.For(key.IsPrivate)}</span>""";
        // The spaces are the whitespace the elements had between them, which the link's accessible name keeps.
        return new MarkupString(
            $"""{prefix} <span class="name">{Encode(key.Title)}</span> {UnreadBadge.Markup(key.Unread, key.Mentions)}""");
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
