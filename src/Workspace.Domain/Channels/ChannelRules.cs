using FluentValidation;

namespace Workspace.Domain.Channels;

internal static class ChannelRules
{
    public static IRuleBuilderOptions<T, string> ValidChannelName<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(name => name is not null && Channel.IsValidName(name)).WithMessage(Channel.NameRule);
}
