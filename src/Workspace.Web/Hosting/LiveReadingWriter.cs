using Workspace.Domain.Unread;

namespace Workspace.Web.Hosting;

/// <summary>Moves the read pointers that pages noted (<see cref="LiveReading"/>), once a second and once more on stopping.</summary>
public sealed class LiveReadingWriter(LiveReading reading, ILogger<LiveReadingWriter> logger) : BackgroundService
{
    /// <summary>How late other tabs and devices may learn that a live message was read; this page's sidebar knows at once.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await MoveAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await MoveAsync(CancellationToken.None);
    }

    private async Task MoveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await reading.MoveAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The pointers noted are lost; the next live message notes them again.
            logger.LogWarning(e, "Moving read pointers failed.");
        }
    }
}
