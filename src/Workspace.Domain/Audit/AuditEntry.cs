using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Domain.Audit;

/// <summary>One admin action or security event: who, what, to what, when, from where. Never changed afterwards.</summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(DateTimeOffset at, Guid? actorId, string actorName, string action, string target, string detail,
        string? address)
    {
        At = at;
        ActorId = actorId;
        ActorName = actorName;
        Action = action;
        Target = target;
        Detail = detail;
        Address = address;
    }

    /// <summary>Assigned by the database; newer entries have larger ids.</summary>
    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? ActorId { get; private set; }

    /// <summary>As the actor was called then; a later rename does not rewrite history.</summary>
    public string ActorName { get; private set; } = "";

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public string Action { get; private set; } = "";

    public string Target { get; private set; } = "";
    public string Detail { get; private set; } = "";
    public string? Address { get; private set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("audit_log");
        entry.Property(e => e.ActorName).HasMaxLength(200);
        entry.Property(e => e.Action).HasMaxLength(64);
        entry.Property(e => e.Target).HasMaxLength(300);
        entry.Property(e => e.Detail).HasMaxLength(1000);
        entry.Property(e => e.Address).HasMaxLength(64);
        entry.HasIndex(e => new { e.Action, e.Id });
    }
}
