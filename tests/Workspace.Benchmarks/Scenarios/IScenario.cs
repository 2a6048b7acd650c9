namespace Workspace.Benchmarks.Scenarios;

public interface IScenario
{
    string Name { get; }

    Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancel);
}

/// <summary>
/// How a run is made. <see cref="ServerCore"/> and <see cref="GeneratorCore"/> are null in smoke mode, where nothing
/// is timed and nothing is pinned. <see cref="Sizes"/>, when given, replaces a scenario's own sizes (subscribers,
/// circuits) and <see cref="Messages"/> the number of messages sent, for a quicker look while working on one.
/// </summary>
public sealed record BenchContext(bool Smoke, string WebDll, int? ServerCore, int? GeneratorCore, TextWriter Log, int[]? Sizes = null,
    int? Messages = null)
{
    /// <summary>The app as built beside this assembly, run the way its container runs it.</summary>
    public static string DefaultWebDll => typeof(global::Program).Assembly.Location;
}

public sealed record Figure(string Scenario, string Name, double Result, double? Baseline, string Unit, string Target, bool? Met);

/// <summary>Latency percentiles of one kind of client, for the chart.</summary>
public sealed record LatencySeries(string Name, IReadOnlyList<(double Percentile, double Milliseconds)> Points);

public sealed class ScenarioResult
{
    public List<Figure> Figures { get; } = [];
    public List<LatencySeries> Series { get; } = [];
    public List<string> Notes { get; } = [];
    public bool AuditPassed { get; set; } = true;
}
