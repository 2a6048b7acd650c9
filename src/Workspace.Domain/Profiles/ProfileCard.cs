using Workspace.Domain.Members;

namespace Workspace.Domain.Profiles;

/// <summary>Another person as their profile card shows them.</summary>
/// <param name="RoleLabel">Null for an ordinary member: only other roles are worth a label.</param>
/// <param name="LocalTime">Now, where they are; null while they have not chosen a time zone.</param>
public sealed record ProfileCard(
    Guid Id,
    string DisplayName,
    string Handle,
    string? RoleLabel,
    Status? Status,
    string? TimeZone,
    DateTimeOffset? LocalTime,
    long AvatarVersion,
    bool Deactivated);

/// <summary>A status that has not expired.</summary>
public sealed record Status(string Text, string Emoji, DateTimeOffset? ExpiresAt)
{
    public static Status? Of(User user, DateTimeOffset now) =>
        user.HasStatus(now) ? new Status(user.StatusText, user.StatusEmoji, user.StatusExpiresAt) : null;
}
