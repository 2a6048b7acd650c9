using Workspace.Domain.Common;

namespace Workspace.Domain.Members;

/// <summary>
/// A single-use link that lets one person join, with the role they will have and, for a guest, the channels
/// they may use. Only the token's hash is kept.
/// </summary>
public sealed class Invite
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);
    public const string Revoked = "This invite link has been revoked. Ask an admin for a new one.";

    private Invite() { }

    public Invite(string tokenHash, Guid createdById, DateTimeOffset createdAt, DateTimeOffset expiresAt,
        string? email = null, WorkspaceRole role = WorkspaceRole.Member, IReadOnlyList<Guid>? channelIds = null)
    {
        Id = Guid.CreateVersion7();
        TokenHash = tokenHash;
        CreatedById = createdById;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        Role = role;
        ChannelIds = channelIds?.Distinct().ToList() ?? [];
    }

    public Guid Id { get; private set; }
    public string TokenHash { get; private set; } = "";
    public Guid CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }
    public Guid? UsedById { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>When set, only this address can join with the link.</summary>
    public string? Email { get; private set; }

    public WorkspaceRole Role { get; private set; }

    /// <summary>Channels the new person joins on arrival, besides the workspace's defaults for members.</summary>
    public List<Guid> ChannelIds { get; private set; } = [];

    /// <summary>Why the link cannot be used now, or null when it can.</summary>
    public string? Problem(DateTimeOffset now) =>
        RevokedAt is not null ? Revoked
        : UsedAt is not null ? "This invite link has already been used."
        : now >= ExpiresAt ? "This invite link has expired. Ask an admin for a new one."
        : null;

    public bool IsPending(DateTimeOffset now) => Problem(now) is null;

    public void Use(Guid userId, DateTimeOffset now)
    {
        if (Problem(now) is { } problem)
            throw new DomainException(problem);
        UsedAt = now;
        UsedById = userId;
    }

    public void Revoke(DateTimeOffset now)
    {
        if (Problem(now) is { } problem)
            throw new DomainException(problem == Revoked ? "This invite has already been revoked." : problem);
        RevokedAt = now;
    }
}
