using Microsoft.AspNetCore.Components.Server.Circuits;
using OpenTelemetry.Metrics;
using Workspace.Domain.Common;

namespace Workspace.Web.Hosting;

/// <summary>
/// Metrics in Prometheus's text format at /metrics: the product's meter (<see cref="WorkspaceMetrics"/>), ASP.NET
/// Core's per request and per connection meters, and the runtime's. Served without sign-in, as scrapers expect, so it
/// belongs behind the reverse proxy (docs/self-hosting.md); <c>Metrics:Enabled=false</c> turns it off.
/// </summary>
public static class WorkspaceTelemetry
{
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// ASP.NET Core's meters, named rather than all taken (OpenTelemetry's <c>AddAspNetCoreInstrumentation</c>): that
    /// also listens to Blazor's per component meters, which time every component's parameters and every render batch
    /// of every page: about 4 % of the server's core with a thousand pages open (docs/benchmarks.md).
    /// </summary>
    public static readonly string[] AspNetCoreMeters =
    [
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Components.Server.Circuits", "Microsoft.AspNetCore.Diagnostics",
    ];

    public static bool MetricsEnabled(IConfiguration configuration) => configuration.GetValue("Metrics:Enabled", true);

    public static IServiceCollection AddWorkspaceTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (MetricsEnabled(configuration))
            services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddMeter([WorkspaceMetrics.MeterName, "System.Runtime", .. AspNetCoreMeters])
                .AddPrometheusExporter());
        services.AddScoped<CircuitHandler, CircuitMetricsHandler>();
        return services;
    }

    public static void MapMetricsEndpoint(this WebApplication app)
    {
        if (MetricsEnabled(app.Configuration))
            app.MapPrometheusScrapingEndpoint(MetricsPath);
    }
}

/// <summary>Counts the interactive pages connected to this server (workspace.circuits.open).</summary>
public sealed class CircuitMetricsHandler(WorkspaceMetrics metrics) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitClosed();
        return Task.CompletedTask;
    }
}
