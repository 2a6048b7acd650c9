using System.Threading.Channels;
using Workspace.Domain.Integrations;
using Workspace.Domain.Realtime;

namespace Workspace.Web.Hosting;

/// <summary>
/// Keeps outgoing webhooks flowing: delivers what is due, then sleeps until the next row is due or a post on this
/// node queues a new one, whichever comes first. Rows queued on other nodes are theirs to deliver promptly; this one
/// picks up any that are left when they fall due.
/// </summary>
public sealed class OutgoingWebhookWorker(OutgoingDispatcher dispatcher, IChatEvents events, TimeProvider clock,
    ILogger<OutgoingWebhookWorker> logger) : BackgroundService
{
    /// <summary>How long to wait after the database failed, before trying again.</summary>
    private static readonly TimeSpan AfterFailure = TimeSpan.FromSeconds(5);

    /// <summary>One pending wake-up is enough however many posts arrive: the next pass takes every due row.</summary>
    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = events.Subscribe(_ =>
        {
            _wakeUps.Writer.TryWrite(true);
            return Task.CompletedTask;
        });
        subscription.Follow(OutgoingDeliveriesQueued.DeliveryStream);

        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var nextDue = await dispatcher.DeliverDueAsync(stoppingToken);
                wait = nextDue is { } due ? Max(due - clock.GetUtcNow(), TimeSpan.Zero) : Timeout.InfiniteTimeSpan;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Delivering outgoing webhooks failed; trying again in {Delay}.", AfterFailure);
                wait = AfterFailure;
            }
            await WaitAsync(wait, stoppingToken);
        }
    }

    private async Task WaitAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        if (wait == TimeSpan.Zero)
            return;
        using var timer = wait == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(wait, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timer.Token);
        try
        {
            await _wakeUps.Reader.ReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
