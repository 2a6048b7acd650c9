namespace Workspace.Web.Components.Messages;

/// <summary>A person's placeholder avatar: their initial on a colour that stays the same for them.</summary>
public static class Avatars
{
    public static string Initial(string name) => name.Length == 0 ? "?" : char.ToUpperInvariant(name[0]).ToString();

    public static int Hue(Guid id) => (int)(BitConverter.ToUInt32(id.ToByteArray(), 12) % 360);
}
