using Workspace.Domain.Realtime;

namespace Workspace.Web.Hosting;

/// <summary>
/// With PostgreSQL, any number of nodes may serve one workspace: this runs the exchange of live events between them
/// (<see cref="PostgresChatEvents"/>) and of who is online where (<see cref="SharedPresence"/>). On SQLite there is one
/// node and nothing to do.
/// </summary>
public sealed class OtherNodes(IServiceProvider services) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        services.GetService<PostgresChatEvents>() is { } bridge && services.GetService<SharedPresence>() is { } presence
            ? Task.WhenAll(bridge.SendAsync(stoppingToken), bridge.ListenAsync(stoppingToken),
                presence.RunAsync(services.GetRequiredService<Presence>(), stoppingToken))
            : Task.CompletedTask;
}
