using Workspace.Domain.Common;

namespace Workspace.Domain.Members;

/// <summary>A single-use link that lets one person join. Only the token's hash is kept.</summary>
public sealed class Invite
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);

    private Invite() { }

    public Invite(string tokenHash, Guid createdById, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        Id = Guid.CreateVersion7();
        TokenHash = tokenHash;
        CreatedById = createdById;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }
    public string TokenHash { get; private set; } = "";
    public Guid CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }
    public Guid? UsedById { get; private set; }

    /// <summary>Why the link cannot be used now, or null when it can.</summary>
    public string? Problem(DateTimeOffset now) =>
        UsedAt is not null ? "This invite link has already been used."
        : now >= ExpiresAt ? "This invite link has expired. Ask an admin for a new one."
        : null;

    public void Use(Guid userId, DateTimeOffset now)
    {
        if (Problem(now) is { } problem)
            throw new DomainException(problem);
        UsedAt = now;
        UsedById = userId;
    }
}
