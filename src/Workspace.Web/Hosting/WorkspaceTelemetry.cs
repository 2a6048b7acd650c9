using Microsoft.AspNetCore.Components.Server.Circuits;
using OpenTelemetry.Metrics;
using Workspace.Domain.Common;

namespace Workspace.Web.Hosting;

/// <summary>
/// Metrics in Prometheus's text format at /metrics: the product's meter (<see cref="WorkspaceMetrics"/>) and ASP.NET
/// Core's request durations. Served without sign-in, as scrapers expect, so it belongs behind the reverse proxy
/// (docs/self-hosting.md); <c>Metrics:Enabled=false</c> turns it off.
/// </summary>
public static class WorkspaceTelemetry
{
    public const string MetricsPath = "/metrics";

    public static bool MetricsEnabled(IConfiguration configuration) => configuration.GetValue("Metrics:Enabled", true);

    public static IServiceCollection AddWorkspaceTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (MetricsEnabled(configuration))
            services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(WorkspaceMetrics.MeterName, "System.Runtime")
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
