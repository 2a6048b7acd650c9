using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Domain.Profiles;

/// <summary>A personal token for the HTTP API, acting as its owner. Only the token's hash is kept.</summary>
public sealed class AccessToken
{
    public const int MaxNameLength = 60;
    public const string Prefix = "wsp_";

    /// <summary>How stale <see cref="LastUsedAt"/> may get: a busy script must not write on every call.</summary>
    public static readonly TimeSpan UseResolution = TimeSpan.FromMinutes(1);

    private AccessToken() { }

    public AccessToken(Guid userId, string name, string tokenHash, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        UserId = userId;
        Name = name.Trim();
        TokenHash = tokenHash;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string Name { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}

internal sealed class AccessTokenConfiguration : IEntityTypeConfiguration<AccessToken>
{
    public void Configure(EntityTypeBuilder<AccessToken> token)
    {
        token.ToTable("access_tokens");
        token.Property(t => t.Name).HasMaxLength(AccessToken.MaxNameLength);
        token.Property(t => t.TokenHash).HasMaxLength(64);
        token.HasIndex(t => t.TokenHash).IsUnique();
        token.HasIndex(t => t.UserId);
    }
}
