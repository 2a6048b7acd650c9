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

    public bool IsAdmin => Role.IsAdmin();

    public bool IsGuest => Role == WorkspaceRole.Guest;

    public void ChangeRole(WorkspaceRole role) => Role = role;

    /// <summary>A new security stamp ends every session the person has: their cookies stop working at once.</summary>
    public void Deactivate(DateTimeOffset now)
    {
        DeactivatedAt = now;
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public void Reactivate() => DeactivatedAt = null;

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
