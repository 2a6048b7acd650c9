using Microsoft.AspNetCore.Identity;
using Workspace.Domain.Common;

namespace Workspace.Domain.Members;

public enum WorkspaceRole
{
    Member = 0,
    Admin = 1,
    Owner = 2,
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

    public bool IsAdmin => Role >= WorkspaceRole.Admin;

    public void EnsureAdmin(string action)
    {
        if (!IsAdmin)
            throw new ForbiddenException($"Only admins can {action}.");
    }
}
