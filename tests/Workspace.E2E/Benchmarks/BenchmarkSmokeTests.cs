using Workspace.Benchmarks;
using Workspace.Benchmarks.Scenarios;

namespace Workspace.E2E.Benchmarks;

/// <summary>
/// Keeps the benchmark suite (tests/Workspace.Benchmarks, issue 7) from rotting: every scenario at tiny sizes, on
/// SQLite and on test.sh's PostgreSQL, the app as its own process; fan-out and memory have their own, more specific
/// smoke tests (<see cref="FanOutSmokeTests"/>), which run beside this one. Only that each ran and its audit passed is
/// checked, never a timing; nothing is written to docs/benchmarks.md.
/// </summary>
public sealed class BenchmarkSmokeTests
{
    [Fact]
    public async Task Smoke_EveryScenarioAtTinySizes_RunsAndPassesItsAudit()
    {
        var postgres = Environment.GetEnvironmentVariable("WORKSPACE_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(postgres) && Environment.GetEnvironmentVariable("CI") is "true" or "1")
            Assert.Fail("WORKSPACE_TEST_POSTGRES is not set, so the PostgreSQL half of the smoke run cannot run (./test.sh starts a server).");
        var log = new StringWriter();

        var scenarios = Suite.Scenarios.Where(s => s is not (FanOutScenario or MemoryScenario)).ToList();

        var results = await Suite.RunAsync(scenarios, smoke: true, string.IsNullOrWhiteSpace(postgres) ? null : postgres, log,
            TestContext.Current.CancellationToken);

        TestContext.Current.TestOutputHelper?.WriteLine(log.ToString());
        Assert.Equal(scenarios.Select(s => s.Name), results.Select(r => r.Scenario));
        Assert.All(results, r => Assert.True(r.AuditPassed, string.Join("\n", r.AuditFailures)));
    }
}
