using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workspace.Domain.Persistence;

namespace Workspace.E2E.Support;

/// <summary>
/// The real app on real Kestrel (a browser cannot reach the in-memory test server), bound to a free loopback
/// port, with a SQLite file of its own so that every server starts as a first run.
/// </summary>
public sealed class WorkspaceServer : WebApplicationFactory<Program>
{
    private readonly string databasePath;
    private readonly string storagePath;
    private bool keepData;

    /// <summary>Tests post and call as fast as they like unless they set the limits themselves.</summary>
    private readonly Dictionary<string, string> settings = new()
    {
        ["RateLimits:MessageBurst"] = "1000000",
        ["RateLimits:ApiRequestsPerMinute"] = "1000000",
    };

    private WorkspaceServer(IEnumerable<(string Key, string Value)> overrides, string? databasePath = null, string? storagePath = null,
        int port = 0)
    {
        this.databasePath = databasePath ?? Path.Combine(Path.GetTempPath(), $"workspace-e2e-{Guid.NewGuid():N}.db");
        this.storagePath = storagePath ?? Path.Combine(Path.GetTempPath(), $"workspace-e2e-files-{Guid.NewGuid():N}");
        foreach (var (key, value) in overrides)
            settings[key] = value;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
    }

    public Uri BaseAddress { get; private set; } = default!;

    /// <param name="settings">Configuration for this server, over the tests' defaults.</param>
    public static WorkspaceServer Start(params (string Key, string Value)[] settings) => Started(new WorkspaceServer(settings));

    /// <summary>Stops this server as a deploy would and starts the app again on the same data and port.</summary>
    public async Task<WorkspaceServer> RestartAsync()
    {
        await StopAsync();
        return await StartAgainAsync();
    }

    /// <summary>Stops serving and keeps the data, for <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        keepData = true;
        await DisposeAsync();
    }

    /// <summary>A new server on this one's data and port: open pages and clients find it where they left it.</summary>
    public Task<WorkspaceServer> StartAgainAsync() => Task.Run(() =>
        Started(new WorkspaceServer(settings.Select(s => (s.Key, s.Value)), databasePath, storagePath, BaseAddress.Port)));

    private static WorkspaceServer Started(WorkspaceServer server)
    {
        server.StartServer();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.Single()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public string Url(string path) => new Uri(BaseAddress, path.TrimStart('/')).ToString();

    /// <summary>Every outgoing delivery as the queue holds it, and whether private addresses may be called.</summary>
    public async Task<string> DescribeOutgoingDeliveriesAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
        var allowPrivate = await db.Settings.Select(s => s.AllowPrivateNetworkTargets).FirstOrDefaultAsync();
        var deliveries = await db.OutgoingDeliveries.AsNoTracking().ToListAsync();
        var rows = deliveries.OrderBy(d => d.CreatedAt).Select(d =>
            $"{d.Status} after {d.Attempts} attempt(s), created {d.CreatedAt:HH:mm:ss.fff}, next {d.NextAttemptAt:HH:mm:ss.fff}, " +
            $"last error \"{d.LastError}\"");
        return $"private addresses {(allowPrivate ? "allowed" : "refused")}, now {DateTimeOffset.UtcNow:HH:mm:ss.fff}; " +
            (deliveries.Count == 0 ? "none queued" : string.Join("; ", rows));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Pooling off: a pooled connection would keep the file open after the host stops, and the file is deleted then.
        builder.UseSetting("ConnectionStrings:Workspace", $"Data Source={databasePath};Pooling=False");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Storage:Path", storagePath);
        builder.UseEnvironment("Production");
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        // Warnings and errors only: a failing test's output should show the server's exceptions, not its chatter.
        builder.ConfigureLogging(logging => logging
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddFilter("System", LogLevel.Warning)
            .AddFilter("Workspace", LogLevel.Warning)
            // Every test server starts a key ring in its own database and warns that the keys are kept unencrypted
            // there (as the app keeps them anywhere); one warning per server buried the failures in CI's log.
            .AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error)
            // The app turns unique-index violations (a taken channel name, a repeated send) into answers, but EF Core
            // logs each one as an error first; real failures still show up from the request and circuit loggers.
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Critical)
            .AddFilter("Microsoft.EntityFrameworkCore.Update", LogLevel.Critical));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (keepData)
            return;
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(databasePath + suffix);
        if (Directory.Exists(storagePath))
            Directory.Delete(storagePath, recursive: true);
    }
}
