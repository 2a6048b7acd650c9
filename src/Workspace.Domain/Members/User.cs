using Microsoft.AspNetCore.Identity;
using Workspace.Domain.Common;

namespace Workspace.Domain.Members;

/// <summary>Stored as numbers: new roles take new numbers.</summary>
public enum WorkspaceRole
{
    Member = 0,
    Admin = 1,
    Owner = 2,

    /// <summary>Sees only the channels it was added to, and the people in them.</summary>
    Guest = 3,

    /// <summary>An integration acting through a token; never signs in to the app.</summary>
    Bot = 4,
}

/// <summary>A person in the workspace. Identity keeps the credentials; the rest is ours.</summary>
public sealed class User : IdentityUser<Guid>
{
    public const int MaxDisplayNameLength = 80;
    public const int MaxStatusTextLength = 100;
    public const int MaxTimeZoneLength = 64;

    private User() { }

    public User(string displayName, string email, string handle, WorkspaceRole role, DateTimeOffset joinedAt)
    {
        Id = Guid.CreateVersion7();
        DisplayName = displayName.Trim();
        Email = email.Trim();
        UserName = Email;
        Handle = handle;
        Role = role;
        JoinedAt = joinedAt;
        LockoutEnabled = true;
    }

    public string DisplayName { get; private set; } = "";

    /// <summary>Unique, lowercase; what follows the @ in a mention and the /dm/ route.</summary>
    public string Handle { get; private set; } = "";

    public WorkspaceRole Role { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }

    /// <summary>Set while an admin has deactivated the account: it cannot sign in or act, its messages stay.</summary>
    public DateTimeOffset? DeactivatedAt { get; private set; }

    public bool IsActive => DeactivatedAt is null;

    /// <summary>The person's IANA time zone, or null while they have not chosen one.</summary>
    public string? TimeZone { get; private set; }

    public string StatusText { get; private set; } = "";

    /// <summary>An emoji from the reaction catalog, or empty.</summary>
    public string StatusEmoji { get; private set; } = "";

    /// <summary>When the status stops showing; null keeps it until it is cleared.</summary>
    public DateTimeOffset? StatusExpiresAt { get; private set; }

    /// <summary>0 while there is no photo; each upload takes the next number, which image links carry to defeat caches.</summary>
    public long AvatarVersion { get; private set; }

    public bool IsAdmin => Role.IsAdmin();

    public bool IsGuest => Role == WorkspaceRole.Guest;

    /// <summary>How the audit log and admin messages name a person: "Ann Lee (@ann.lee)".</summary>
    public string NameAndHandle => $"{DisplayName} (@{Handle})";

    public void ChangeRole(WorkspaceRole role) => Role = role;

    /// <summary>A new security stamp ends every session the person has: their cookies stop working at once.</summary>
    public void Deactivate(DateTimeOffset now)
    {
        DeactivatedAt = now;
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public void Reactivate() => DeactivatedAt = null;
    public bool HasStatus(DateTimeOffset now) =>
        (StatusText.Length > 0 || StatusEmoji.Length > 0) && (StatusExpiresAt is null || StatusExpiresAt > now);

    /// <summary>The caller has checked that the handle is well formed, not reserved and free.</summary>
    public void ChangeProfile(string displayName, string handle, string? timeZone)
    {
        DisplayName = displayName.Trim();
        Handle = handle;
        TimeZone = timeZone;
    }

    public void SetStatus(string text, string emoji, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        if (expiresAt <= now)
            throw new DomainException("Pick a time in the future for the status to clear.");
        StatusText = text.Trim();
        StatusEmoji = emoji;
        StatusExpiresAt = expiresAt;
    }

    public void ClearStatus()
    {
        StatusText = "";
        StatusEmoji = "";
        StatusExpiresAt = null;
    }

    public long AvatarUploaded() => ++AvatarVersion;

    public void EnsureAdmin(string action)
    {
        if (!IsAdmin)
            throw new ForbiddenException($"Only admins can {action}.");
    }
}

public static class WorkspaceRoles
{
    public static bool IsAdmin(this WorkspaceRole role) => role is WorkspaceRole.Admin or WorkspaceRole.Owner;

    public static string Label(this WorkspaceRole role) => role switch
    {
        WorkspaceRole.Owner => "Owner",
        WorkspaceRole.Admin => "Admin",
        WorkspaceRole.Guest => "Guest",
        WorkspaceRole.Bot => "Bot",
        _ => "Member",
    };
}
