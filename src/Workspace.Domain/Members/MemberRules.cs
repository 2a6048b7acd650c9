using FluentValidation;

namespace Workspace.Domain.Members;

internal static class MemberRules
{
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 256;

    public static void DisplayName<T>(this IRuleBuilder<T, string> rule) => rule
        .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("Enter your name.")
        .MaximumLength(User.MaxDisplayNameLength).WithMessage($"Names are at most {User.MaxDisplayNameLength} characters.");

    public static void Email<T>(this IRuleBuilder<T, string> rule) => rule
        .NotEmpty().WithMessage("Enter an email address.")
        .MaximumLength(254).WithMessage("Email addresses are at most 254 characters.")
        .EmailAddress().WithMessage("Enter a valid email address.");

    public static void Password<T>(this IRuleBuilder<T, string> rule) => rule
        .MinimumLength(MinPasswordLength).WithMessage($"Passwords are at least {MinPasswordLength} characters.")
        .MaximumLength(MaxPasswordLength).WithMessage($"Passwords are at most {MaxPasswordLength} characters.");
}
