using FluentValidation;

namespace Workspace.Domain.Messages;

internal static class MessageRules
{
    public static void MessageText<T>(this IRuleBuilder<T, string> rule) => rule
        .Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage("Write something before sending.")
        .MaximumLength(Message.MaxLength).WithMessage($"Messages are at most {Message.MaxLength:N0} characters.");

    /// <summary>Leading and trailing blank lines never matter; spaces at the start of a line can (code, lists).</summary>
    public static string Tidy(string text) => text.Trim('\n', '\r');
}
