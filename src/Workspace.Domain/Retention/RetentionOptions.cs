namespace Workspace.Domain.Retention;

/// <summary>How long the records that only grow are kept (<c>Retention:*</c>). Zero keeps them for ever.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>
    /// Event stream positions older than this cannot be resumed from (410 Gone): a client away that long catches up
    /// from history instead. Slack keeps its event retries for hours; a month covers a bot's long holiday.
    /// </summary>
    public int EventLogDays { get; set; } = 30;

    /// <summary>Finished outgoing webhook deliveries (delivered or given up); the Integrations page shows the latest.</summary>
    public int DeliveryDays { get; set; } = 7;

    /// <summary>The audit log is kept for ever unless an admin's policy says otherwise.</summary>
    public int AuditLogDays { get; set; }

    /// <summary>How often a node looks for expired rows.</summary>
    public int IntervalMinutes { get; set; } = 60;
}
