namespace Workspace.Domain.Common;

/// <summary>Searching with SQL LIKE for text a person typed, where % and _ mean themselves.</summary>
public static class Like
{
    public const string EscapeCharacter = "\\";

    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>A pattern matching <paramref name="text"/> anywhere, lower-cased for comparison with a lowered column.</summary>
    public static string Containing(string text) => $"%{Escape(text.Trim().ToLowerInvariant())}%";
}
