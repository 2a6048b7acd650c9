using Workspace.Benchmarks.FanOut;
using Workspace.Benchmarks.Scenarios;

namespace Workspace.E2E.Benchmarks;

/// <summary>
/// The fan-out and memory benchmarks (tests/Workspace.Benchmarks) at tiny sizes against the built app, so that they
/// never rot: each runs every kind of client and its audit passes. Nothing here is timed.
/// </summary>
public sealed class FanOutSmokeTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FanOut_InSmokeMode_EverySubscriberOfEveryKindReceivesEveryMessage()
    {
        var (result, log) = await RunAsync(new FanOutScenario());

        Assert.True(result.AuditPassed, log);
        string[] kinds = ["SignalR hub", "Event streams", "Blazor circuits", .. File.Exists(BrowserPages.Chromium) ? ["Chromium pages"] : Array.Empty<string>()];
        Assert.All(kinds, kind => Assert.Contains(result.Latencies, s => s.Name.StartsWith(kind, StringComparison.Ordinal)));
        Assert.All(result.Figures.Where(f => f.Unit == "%" && f.Name.EndsWith("received", StringComparison.Ordinal)), f => Assert.Equal(100, f.Result));
    }

    [Fact]
    public async Task Memory_InSmokeMode_MeasuresTheServerWithNoCircuitsAndWithSome()
    {
        var (result, log) = await RunAsync(new MemoryScenario());

        Assert.True(result.AuditPassed, log);
        Assert.Contains(result.Figures, f => f.Name == "Managed heap after full GC, 0 circuits" && f.Result > 0);
        Assert.Contains(result.Figures, f => f.Name.StartsWith("Working set per circuit", StringComparison.Ordinal));
    }

    private static async Task<(ScenarioResult Result, string Log)> RunAsync(IScenario scenario)
    {
        var log = new StringWriter();
        var work = Directory.CreateTempSubdirectory("workspace-bench-smoke-");
        try
        {
            var result = await scenario.RunAsync(new BenchContext(Smoke: true, work.FullName, PostgresServer: null, Pin: false, log), Cancel);
            TestContext.Current.TestOutputHelper?.WriteLine(log.ToString());
            return (result, log + string.Join('\n', result.Notes));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
