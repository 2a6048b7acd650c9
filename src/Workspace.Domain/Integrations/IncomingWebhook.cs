using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Domain.Channels;
using Workspace.Domain.Members;

namespace Workspace.Domain.Integrations;

/// <summary>
/// A secret URL that posts into one channel as the hook's own bot, taking Slack's body. Only the token's hash is kept.
/// </summary>
public sealed class IncomingWebhook
{
    public const int MaxNameLength = 80;

    private IncomingWebhook() { }

    public IncomingWebhook(string name, Guid channelId, Guid botId, string tokenHash, Guid createdById, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        Name = name.Trim();
        ChannelId = channelId;
        BotId = botId;
        TokenHash = tokenHash;
        CreatedById = createdById;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public Guid ChannelId { get; private set; }

    /// <summary>The account the hook posts as: a bot of its own, so its messages are marked and its budget separate.</summary>
    public Guid BotId { get; private set; }

    public string TokenHash { get; private set; } = "";
    public Guid CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}

internal sealed class IncomingWebhookConfiguration : IEntityTypeConfiguration<IncomingWebhook>
{
    public void Configure(EntityTypeBuilder<IncomingWebhook> hook)
    {
        hook.ToTable("incoming_webhooks");
        hook.Property(h => h.Name).HasMaxLength(IncomingWebhook.MaxNameLength);
        hook.Property(h => h.TokenHash).HasMaxLength(64);
        hook.HasIndex(h => h.TokenHash).IsUnique();
        hook.HasOne<Channel>().WithMany().HasForeignKey(h => h.ChannelId).OnDelete(DeleteBehavior.Cascade);
        hook.HasOne<User>().WithMany().HasForeignKey(h => h.BotId).OnDelete(DeleteBehavior.Restrict);
    }
}
