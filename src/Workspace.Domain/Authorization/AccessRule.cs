using Workspace.Domain.Members;

namespace Workspace.Domain.Authorization;

/// <summary>Who may run a command or query, by workspace role.</summary>
[Flags]
public enum Roles
{
    /// <summary>No one needs to be signed in: first-run setup, invite links, the sign-in page.</summary>
    Anonymous = 0,
    Guest = 1,
    Member = 2,
    Admin = 4,
    Owner = 8,
    Bot = 16,

    Admins = Admin | Owner,
    People = Member | Admin | Owner,
    NotGuests = People | Bot,
    Everyone = NotGuests | Guest,
}

/// <summary>What the actor needs in the channel the request names.</summary>
public enum ChannelNeed
{
    /// <summary>The request names no channel, or admins act on any channel without reading its messages.</summary>
    None,

    /// <summary>The actor can see the channel: a public one (guests excepted) or one they belong to.</summary>
    Visible,

    /// <summary>The actor belongs to the channel.</summary>
    Member,
}

/// <param name="Writes">Changes the channel's content, so an archived channel refuses it.</param>
/// <param name="Denied">What someone outside <paramref name="Roles"/> reads.</param>
/// <param name="AdminsManageAnyChannel">
/// Admins may do this to any channel, private ones they are not in included, without reading it (renaming from the
/// admin page); the handler finds the channel and applies the entity's rules. Everyone else needs <paramref name="Channel"/>.
/// </param>
public sealed record AccessRule(Roles Roles, ChannelNeed Channel = ChannelNeed.None, bool Writes = false, string? Denied = null,
    bool AdminsManageAnyChannel = false)
{
    public const string DefaultDenial = "You do not have permission to do that.";

    public bool Allows(WorkspaceRole role) => (Roles & RoleFlag(role)) != 0;

    public static Roles RoleFlag(WorkspaceRole role) => role switch
    {
        WorkspaceRole.Guest => Roles.Guest,
        WorkspaceRole.Member => Roles.Member,
        WorkspaceRole.Admin => Roles.Admin,
        WorkspaceRole.Owner => Roles.Owner,
        WorkspaceRole.Bot => Roles.Bot,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
