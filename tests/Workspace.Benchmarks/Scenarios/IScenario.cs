namespace Workspace.Benchmarks.Scenarios;

// The shape every scenario of the suite shares (issue 7). A scenario is one class in Scenarios/ with a short Name
// (what `dotnet run -- <name>` takes); RunAsync starts whatever it needs (a server through Server/ServerProcess, a
// database through Server/BenchDatabase), measures, audits, and returns figures: each result beside its same-run
// baseline, with the target and whether it was met (null: no target, or not judged because the run was
// invalid). In Smoke mode sizes are tiny, nothing is judged, and only AuditPassed counts.

public interface IScenario
{
    string Name { get; }

    Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancel);
}

public sealed record Figure(string Scenario, string Name, double Result, double? Baseline, string Unit, string Target, bool? Met)
{
    public double? Ratio => Baseline is { } baseline && baseline != 0 ? Result / baseline : null;
}

/// <summary>Latency percentiles of one measured series, in milliseconds, for the chart.</summary>
public sealed record LatencySeries(string Scenario, string Name, IReadOnlyList<(string Percentile, double Milliseconds)> Points);

public sealed class ScenarioResult(string scenario)
{
    public string Scenario { get; } = scenario;
    public List<Figure> Figures { get; } = [];
    public List<LatencySeries> Latencies { get; } = [];

    /// <summary>Lines for the report: what ran where, generator CPU, why a run is invalid.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>Markdown that a tool produced (BenchmarkDotNet's tables), folded into the report as it is.</summary>
    public List<string> Markdown { get; } = [];

    public bool AuditPassed { get; set; } = true;
    public List<string> AuditFailures { get; } = [];

    public void Fail(string why)
    {
        AuditPassed = false;
        AuditFailures.Add(why);
    }
}
