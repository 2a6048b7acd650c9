using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Domain.Members;

namespace Workspace.Domain.Integrations;

/// <summary>Stored as numbers: new states take new numbers.</summary>
public enum DeliveryStatus
{
    Pending = 0,
    Delivered = 1,
    Failed = 2,
}

/// <summary>What one attempt came to; <paramref name="Final"/> means trying again cannot help (a refused address).</summary>
public sealed record DeliveryOutcome(bool Delivered, int? StatusCode, string? Error, bool Final = false);

/// <summary>
/// One message to hand to one bot's outgoing webhook: a row of the durable queue, written in the transaction that
/// posts the message, so a crash between the two loses neither. The payload is fixed when queued.
/// </summary>
public sealed class OutgoingDelivery
{
    public const int MaxErrorLength = 500;

    private OutgoingDelivery() { }

    public OutgoingDelivery(Guid botId, Guid messageId, string payload, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        BotId = botId;
        MessageId = messageId;
        Payload = payload;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    /// <summary>Sent as <c>X-Workspace-Delivery</c>: the same on every retry, so receivers can drop repeats.</summary>
    public Guid Id { get; private set; }

    public Guid BotId { get; private set; }
    public Guid MessageId { get; private set; }
    public string Payload { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }

    /// <summary>When a pending row is next due; a worker that claims it pushes this past its attempt, as a lease.</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }
    public int? LastStatusCode { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }

    public void Attempted(DeliveryOutcome outcome, DateTimeOffset at, OutgoingWebhookOptions options)
    {
        Attempts++;
        LastAttemptAt = at;
        LastStatusCode = outcome.StatusCode;
        LastError = outcome.Error is { Length: > MaxErrorLength } error ? error[..(MaxErrorLength - 1)] + "…" : outcome.Error;
        if (outcome.Delivered)
        {
            Status = DeliveryStatus.Delivered;
            DeliveredAt = at;
        }
        else if (outcome.Final || Attempts >= options.MaxAttempts)
            Status = DeliveryStatus.Failed;
        else
            NextAttemptAt = at + options.DelayAfter(Attempts);
    }
}

internal sealed class OutgoingDeliveryConfiguration : IEntityTypeConfiguration<OutgoingDelivery>
{
    public void Configure(EntityTypeBuilder<OutgoingDelivery> delivery)
    {
        delivery.ToTable("outgoing_deliveries");
        delivery.Property(d => d.LastError).HasMaxLength(OutgoingDelivery.MaxErrorLength);
        delivery.HasIndex(d => new { d.Status, d.NextAttemptAt });
        delivery.HasIndex(d => new { d.BotId, d.CreatedAt });
        delivery.HasOne<User>().WithMany().HasForeignKey(d => d.BotId).OnDelete(DeleteBehavior.Cascade);
    }
}
