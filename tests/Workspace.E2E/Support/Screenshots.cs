using Microsoft.Playwright;

namespace Workspace.E2E.Support;

/// <summary>Key states saved as pictures for a person to look at; nothing asserts on them.</summary>
public static class Screenshots
{
    public static readonly string Directory = Path.Combine(RepositoryRoot() ?? AppContext.BaseDirectory, "TestResults", "screenshots");

    public static async Task SaveAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Directory, name + ".png"), FullPage = false });
    }

    /// <summary>A name safe for a file, from a test's display name.</summary>
    public static string FileName(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').Take(120).ToArray());

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Workspace.sln")))
                return dir.FullName;
        }
        return null;
    }
}
