namespace Workspace.Domain.Common;

/// <summary>Where uploaded files live (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string Path { get; set; } = "./data/files";

    public string AvatarFile(Guid userId) => System.IO.Path.Combine(System.IO.Path.GetFullPath(Path), "avatars", $"{userId}.png");
}
