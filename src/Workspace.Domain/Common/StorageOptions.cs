namespace Workspace.Domain.Common;

/// <summary>Where uploaded files live (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string Path { get; set; } = "./data/files";

    public string AvatarFile(Guid userId) => System.IO.Path.Combine(System.IO.Path.GetFullPath(Path), "avatars", $"{userId}.png");

    public string LogoFile() => System.IO.Path.Combine(System.IO.Path.GetFullPath(Path), "logo.png");

    /// <summary>Writes aside and moves into place, so that a reader never gets half a picture.</summary>
    public static async Task WriteAtomicallyAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var partial = $"{path}.{Guid.NewGuid():N}.part";
        await File.WriteAllBytesAsync(partial, content, cancellationToken);
        File.Move(partial, path, overwrite: true);
    }
}
