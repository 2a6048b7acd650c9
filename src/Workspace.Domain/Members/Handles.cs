using System.Globalization;
using System.Text;

namespace Workspace.Domain.Members;

/// <summary>Handles are made from a person's name: lowercase ASCII letters, digits, '.', '-' and '_'.</summary>
public static class Handles
{
    public const int MaxLength = 40;

    /// <summary>What a person typed as a handle, as it would be stored: no leading @, lowercase.</summary>
    public static string Normalize(string typed) => typed.Trim().TrimStart('@').ToLowerInvariant();

    /// <summary>The shape <see cref="FromName"/> makes: allowed characters, no dot at either end or twice in a row.</summary>
    public static bool IsWellFormed(string handle) =>
        handle.Length is > 0 and <= MaxLength
        && handle.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_' or '-' or '.')
        && handle[0] != '.' && handle[^1] != '.'
        && !handle.Contains("..", StringComparison.Ordinal);

    public static string FromName(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9' or '_' or '-')
                builder.Append(lower);
            else if ((char.IsWhiteSpace(c) || lower == '.') && builder.Length > 0 && builder[^1] != '.')
                builder.Append('.');
        }
        var handle = builder.ToString().Trim('.');
        if (handle.Length > MaxLength)
            handle = handle[..MaxLength].TrimEnd('.');
        return handle.Length == 0 ? "member" : handle;
    }

    /// <summary>The first of base, base2, base3 ... that <paramref name="isTaken"/> does not claim.</summary>
    public static async Task<string> FirstFreeAsync(string baseHandle, Func<string, Task<bool>> isTaken)
    {
        var candidate = baseHandle;
        for (var n = 2; await isTaken(candidate); n++)
            candidate = baseHandle + n.ToString(CultureInfo.InvariantCulture);
        return candidate;
    }
}
