using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Domain.Members;

/// <summary>A single-use link, made by an admin, with which one person chooses a new password. Only the hash is kept.</summary>
public sealed class PasswordReset
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private PasswordReset() { }

    public PasswordReset(string tokenHash, Guid userId, Guid createdById, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        TokenHash = tokenHash;
        UserId = userId;
        CreatedById = createdById;
        CreatedAt = createdAt;
        ExpiresAt = createdAt + Lifetime;
    }

    public Guid Id { get; private set; }
    public string TokenHash { get; private set; } = "";
    public Guid UserId { get; private set; }
    public Guid CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }

    public bool CanBeUsed(DateTimeOffset now) => UsedAt is null && now < ExpiresAt;

    public void Use(DateTimeOffset now) => UsedAt = now;
}

internal sealed class PasswordResetConfiguration : IEntityTypeConfiguration<PasswordReset>
{
    public void Configure(EntityTypeBuilder<PasswordReset> reset)
    {
        reset.ToTable("password_resets");
        reset.Property(r => r.TokenHash).HasMaxLength(64);
        reset.HasIndex(r => r.TokenHash).IsUnique();
        reset.HasIndex(r => r.UserId);
    }
}
