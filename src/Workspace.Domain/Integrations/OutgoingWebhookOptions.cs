namespace Workspace.Domain.Integrations;

/// <summary>How outgoing webhooks are delivered (configuration section <c>OutgoingWebhooks</c>).</summary>
public sealed class OutgoingWebhookOptions
{
    public const string Section = "OutgoingWebhooks";

    /// <summary>The wait after the first failed attempt; each later one waits twice as long as the one before.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A longer wait than this would leave a receiver that came back unaware for most of a day.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts in all, the first included; then the delivery is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait after attempt number <paramref name="attempts"/> failed.</summary>
    public TimeSpan DelayAfter(int attempts)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 30);
        var delay = RetryBaseDelay * Math.Pow(2, doublings);
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
