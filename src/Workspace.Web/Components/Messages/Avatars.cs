using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Components.Messages;

/// <summary>A person's avatar: their photo, or as a placeholder their initial on a colour that stays the same for them.</summary>
public static class Avatars
{
    private static readonly SharedCache<(Guid UserId, long Version, string Name, string? CssClass), string> Cache = new(10_000);

    /// <summary>The version in the address changes with each upload, so a cached picture is never a stale one.</summary>
    public static string Url(Guid userId, long version) => $"/avatars/{userId}.png?v={version}";

    public static string Initial(string name) => name.Length == 0 ? "?" : char.ToUpperInvariant(name[0]).ToString();

    public static int Hue(Guid id) => (int)(BitConverter.ToUInt32(id.ToByteArray(), 12) % 360);

    /// <summary>
    /// The photo once they have uploaded one, else their initial on their colour; decorative, as the name is always
    /// beside it. One piece of markup, the same string for every message and circuit showing this person: a timeline
    /// shows one per message, and each element and attribute would otherwise be frames every circuit keeps
    /// (docs/benchmarks.md, memory per connected person).
    /// </summary>
    public static RenderFragment For(Guid userId, string name, long version, string? cssClass = null)
    {
        var markup = Markup(userId, name, version, cssClass);
        return builder => builder.AddMarkupContent(0, markup);
    }

    internal static string Markup(Guid userId, string name, long version, string? cssClass) =>
        Cache.GetOrAdd((userId, version, name, cssClass), Write);

    private static string Write((Guid UserId, long Version, string Name, string? CssClass) avatar)
    {
        var classes = avatar.CssClass is null ? "avatar" : "avatar " + HtmlEncoder.Default.Encode(avatar.CssClass);
        return avatar.Version > 0
            ? $"""<img class="{classes}" src="{HtmlEncoder.Default.Encode(Url(avatar.UserId, avatar.Version))}" alt="" aria-hidden="true" />"""
            : $"""<div class="{classes}" aria-hidden="true" style="--hue:{Hue(avatar.UserId)}">{HtmlEncoder.Default.Encode(Initial(avatar.Name))}</div>""";
    }
}
