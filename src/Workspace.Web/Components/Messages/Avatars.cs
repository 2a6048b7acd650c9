namespace Workspace.Web.Components.Messages;

/// <summary>A person's avatar: their photo, or as a placeholder their initial on a colour that stays the same for them.</summary>
public static class Avatars
{
    /// <summary>The version in the address changes with each upload, so a cached picture is never a stale one.</summary>
    public static string Url(Guid userId, long version) => $"/avatars/{userId}.png?v={version}";

    public static string Initial(string name) => name.Length == 0 ? "?" : char.ToUpperInvariant(name[0]).ToString();

    public static int Hue(Guid id) => (int)(BitConverter.ToUInt32(id.ToByteArray(), 12) % 360);
}
