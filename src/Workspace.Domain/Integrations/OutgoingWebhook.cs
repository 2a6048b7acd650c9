using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Domain.Common;
using Workspace.Domain.Members;

namespace Workspace.Domain.Integrations;

/// <summary>
/// Where a bot hears about messages meant for it: a URL that gets a signed JSON POST when the bot is mentioned or
/// written to directly. The secret is kept as it is, since every delivery is signed with it.
/// </summary>
public sealed class OutgoingWebhook
{
    public const int MaxUrlLength = 2000;

    private OutgoingWebhook() { }

    public OutgoingWebhook(Guid botId, Uri url, DateTimeOffset now)
    {
        BotId = botId;
        Change(url, now);
    }

    public Guid BotId { get; private set; }
    public string Url { get; private set; } = "";

    /// <summary>Receivers check <c>X-Workspace-Signature</c> with it; a new URL gets a new one.</summary>
    public string Secret { get; private set; } = "";

    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>A new secret with every new address: whoever had the old one learns nothing about the new receiver.</summary>
    public void Change(Uri url, DateTimeOffset now)
    {
        Url = url.AbsoluteUri;
        Secret = "whsec_" + Tokens.New();
        ChangedAt = now;
    }
}

internal sealed class OutgoingWebhookConfiguration : IEntityTypeConfiguration<OutgoingWebhook>
{
    public void Configure(EntityTypeBuilder<OutgoingWebhook> hook)
    {
        hook.ToTable("outgoing_webhooks");
        hook.HasKey(h => h.BotId);
        hook.Property(h => h.Url).HasMaxLength(OutgoingWebhook.MaxUrlLength);
        hook.Property(h => h.Secret).HasMaxLength(64);
        hook.HasOne<User>().WithOne().HasForeignKey<OutgoingWebhook>(h => h.BotId).OnDelete(DeleteBehavior.Cascade);
    }
}
