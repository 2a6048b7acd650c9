using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Setup;
using Workspace.E2E.Support;

namespace Workspace.E2E.Operations;

/// <summary>What a container platform, a load balancer and a metrics scraper call, without signing in.</summary>
public sealed class OperationsEndpointsTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HealthAndReadiness_BeforeSetupAndSignedOut_AnswerThemselves()
    {
        using var http = Client();

        var health = await http.GetAsync(Server.Url("/healthz"), Cancel);
        var ready = await http.GetAsync(Server.Url("/readyz"), Cancel);

        Assert.Equal((HttpStatusCode.OK, "ok"), (health.StatusCode, await health.Content.ReadAsStringAsync(Cancel)));
        Assert.Equal((HttpStatusCode.OK, "ready"), (ready.StatusCode, await ready.Content.ReadAsStringAsync(Cancel)));
    }

    /// <remarks>
    /// On an app process of its own: OpenTelemetry listens to a meter by name across the whole process, so a server
    /// in this one would export figures mixed with those of every test server running beside it (Blazor's circuit
    /// counter, moved by their circuits closing, was seen below the two pages open here).
    /// </remarks>
    [Fact]
    public async Task Metrics_AfterAMessageIsPosted_CountItTheRequestDurationsAndTheRuntime()
    {
        var data = Directory.CreateTempSubdirectory("workspace-metrics-");
        try
        {
            await using var app = new AppProcess([("Database:Provider", "Sqlite"),
                ("ConnectionStrings:Workspace", $"Data Source={Path.Combine(data.FullName, "workspace.db")}"),
                ("Storage:Path", Path.Combine(data.FullName, "files"))]);
            await app.StartAsync(Cancel);
            var (owner, member) = await OwnerAndMemberAsync(app.BaseAddress);
            await owner.PostAsync("general", "Counted by the metrics");
            using var http = Client();

            var text = "";
            for (var attempt = 0; attempt < 50 && Value(text, "workspace_messages_posted_total") < 1; attempt++)
            {
                // The exporter answers from a copy that is kept for a moment.
                await Task.Delay(attempt == 0 ? 0 : 200, Cancel);
                var response = await http.GetAsync(new Uri(app.BaseAddress, "/metrics"), Cancel);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                text = await response.Content.ReadAsStringAsync(Cancel);
            }

            Assert.Equal(1, Value(text, "workspace_messages_posted_total"));
            Assert.True(Value(text, "workspace_deliveries_total") >= 1, "the member's open page was handed the post");
            Assert.True(Value(text, "workspace_circuits_open") >= 2, "the owner's and the member's pages are connected");
            Assert.Matches(new Regex(@"^http_server_request_duration_seconds_bucket\{", RegexOptions.Multiline), text);
            Assert.True(Value(text, "aspnetcore_components_circuit_active") >= 2, "Blazor's circuit meter is exported");
            // Not Blazor's per component meters: they time every component of every open page (docs/benchmarks.md).
            Assert.DoesNotMatch(new Regex(@"^aspnetcore_components_(update_parameters|render_diff|handle_event)", RegexOptions.Multiline), text);
            Assert.True(Value(text, "dotnet_jit_compiled_methods_total") > 0, "the runtime's own meter is exported");
            Assert.True(Value(text, "dotnet_process_memory_working_set_bytes") > 0, "the runtime's own meter is exported");
            GC.KeepAlive(member);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Metrics_WhenTurnedOff_AreNotServed()
    {
        await using var server = await Task.Run(() => WorkspaceServer.Start(("Metrics:Enabled", "false")), Cancel);
        // Before setup every unknown address leads to /setup; afterwards it is plainly not there.
        await server.Services.GetRequiredService<Sender>().Send(new SetUpWorkspace(People.WorkspaceName, People.Owner.Name,
            People.Owner.Email, People.Owner.Password), Cancel);
        using var http = Client();

        var response = await http.GetAsync(server.Url("/metrics"), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false });

    /// <summary>The sum of a metric's samples in Prometheus's text format, whatever their labels; 0 when absent.</summary>
    private static double Value(string exposition, string metric) =>
        Regex.Matches(exposition, $@"^{metric}(?:\{{[^}}]*\}})? (\S+)", RegexOptions.Multiline)
            .Sum(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
}
