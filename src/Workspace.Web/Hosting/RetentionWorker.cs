using Microsoft.Extensions.Options;
using Workspace.Domain.Retention;

namespace Workspace.Web.Hosting;

/// <summary>Runs the <see cref="RetentionSweep"/> soon after start and then every <see cref="RetentionOptions.IntervalMinutes"/>.</summary>
public sealed class RetentionWorker(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider clock,
    ILogger<RetentionWorker> logger) : BackgroundService
{
    /// <summary>Not at once: a node starting is busy with migrations and first requests.</summary>
    private static readonly TimeSpan FirstRunAfter = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = FirstRunAfter;
        var interval = TimeSpan.FromMinutes(Math.Max(1, options.Value.IntervalMinutes));
        while (true)
        {
            try
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            wait = interval;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var pruned = await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunAsync(stoppingToken);
                if (pruned.Total > 0)
                    logger.LogInformation("Retention removed {Events} events, {Deliveries} webhook deliveries and {AuditEntries} audit entries",
                        pruned.Events, pruned.Deliveries, pruned.AuditEntries);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Nothing is lost by waiting: the rows are still there at the next run.
                logger.LogWarning(e, "Retention could not run; trying again in {Minutes} minutes", interval.TotalMinutes);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
