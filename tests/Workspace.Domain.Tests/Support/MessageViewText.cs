using System.Collections;
using Workspace.Domain.Messages;

namespace Workspace.Domain.Tests.Support;

/// <summary>
/// Views carry lists, which records compare by reference. These spell a view out, lists included, so that two
/// views compare by value and a difference reads plainly in the failure.
/// </summary>
public static class MessageViewText
{
    /// <summary>Each emoji with who reacted, in order: "👍 Ben, Olivia Owner | 🎉 Ben".</summary>
    public static string ReactionsText(this MessageView message) =>
        string.Join(" | ", message.Reactions.Select(r => $"{r.Emoji} {string.Join(", ", r.Names)}"));

    /// <summary>Every property of the view, lists element by element.</summary>
    public static string Describe(this MessageView message) =>
        string.Join(", ", typeof(MessageView).GetProperties()
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => $"{p.Name} = {Format(p.GetValue(message))}"));

    private static string Format(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        DateTimeOffset time => time.UtcDateTime.ToString("O"),
        ReactionView r => $"{r.Emoji} x{r.Count} [{string.Join(", ", r.UserIds)}] ({string.Join(", ", r.Names)})",
        IEnumerable items => $"[{string.Join("; ", items.Cast<object?>().Select(Format))}]",
        _ => value.ToString() ?? "",
    };
}
