using System.Globalization;
using System.Text;
using Workspace.Benchmarks.Scenarios;

namespace Workspace.Benchmarks.FanOut;

/// <summary>The figures of a run as Markdown: when and where, how to reproduce, the table, the notes, the chart.</summary>
public static class FanOutReport
{
    public static string Markdown(BenchContext context, IReadOnlyList<(IScenario Scenario, ScenarioResult Result)> results)
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        var how = context.Smoke
            ? " — SMOKE MODE, tiny sizes, figures mean nothing."
            : $"; server pinned to core {context.ServerCore}, generator to core {context.GeneratorCore}.";
        text.AppendLine(invariant, $"Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Machine()}{how}");
        text.AppendLine();
        foreach (var (scenario, result) in results)
        {
            text.AppendLine(invariant, $"### {scenario.Name}");
            text.AppendLine();
            text.AppendLine("| figure | result | baseline | ratio | target | met |");
            text.AppendLine("|---|---:|---:|---:|---|---|");
            foreach (var f in result.Figures)
            {
                var ratio = f.Baseline is { } b && b != 0 ? (f.Result / b).ToString("F2", invariant) + "×" : "";
                var met = f.Met switch { true => "yes", false => "**no**", null => "" };
                text.AppendLine(invariant, $"| {f.Name} | {f.Result:F2} {f.Unit} | {(f.Baseline is { } v ? v.ToString("F2", invariant) + " " + f.Unit : "")} | {ratio} | {f.Target} | {met} |");
            }
            text.AppendLine();
            text.AppendLine(invariant, $"Audit (every message received by every subscriber, no circuit failed): {(result.AuditPassed ? "passed" : "**failed**")}.");
            foreach (var note in result.Notes)
                text.AppendLine(invariant, $"- {note}");
            text.AppendLine();
            if (result.Series.Count > 0)
                Chart(text, result.Series);
        }
        return text.ToString();
    }

    /// <summary>A percentile table and, per size, a Mermaid line chart (latency in ms by percentile) that GitHub draws.</summary>
    private static void Chart(StringBuilder text, IReadOnlyList<LatencySeries> series)
    {
        var invariant = CultureInfo.InvariantCulture;
        var percentiles = series[0].Points.Select(p => p.Percentile).ToList();
        text.AppendLine("Latency percentiles (ms, acknowledgement → receipt):");
        text.AppendLine();
        text.AppendLine("| subscribers | " + string.Join(" | ", percentiles.Select(p => $"p{p.ToString(invariant)}")) + " |");
        text.AppendLine("|---|" + string.Concat(percentiles.Select(_ => "---:|")));
        foreach (var s in series)
            text.AppendLine(invariant, $"| {s.Name} | {string.Join(" | ", s.Points.Select(p => p.Milliseconds.ToString("F2", invariant)))} |");
        text.AppendLine();
        foreach (var group in series.GroupBy(s => s.Name[(s.Name.LastIndexOf(", ", StringComparison.Ordinal) + 2)..]))
        {
            var lines = group.ToList();
            var top = lines.SelectMany(s => s.Points).Select(p => p.Milliseconds).Where(double.IsFinite).DefaultIfEmpty(1).Max();
            text.AppendLine("```mermaid");
            text.AppendLine("xychart-beta");
            text.AppendLine(invariant, $"    title \"Fan-out to {group.Key}: {string.Join(", ", lines.Select((s, i) => $"line {i + 1} = {s.Name[..s.Name.LastIndexOf(", ", StringComparison.Ordinal)]}"))}\"");
            text.AppendLine("    x-axis [" + string.Join(", ", percentiles.Select(p => $"\"p{p.ToString(invariant)}\"")) + "]");
            text.AppendLine(invariant, $"    y-axis \"ms\" 0 --> {Math.Ceiling(top * 1.1).ToString(invariant)}");
            foreach (var s in lines)
                text.AppendLine("    line [" + string.Join(", ", s.Points.Select(p => (double.IsFinite(p.Milliseconds) ? p.Milliseconds : 0).ToString("F2", invariant))) + "]");
            text.AppendLine("```");
            text.AppendLine();
        }
    }

    private static string Machine()
    {
        var model = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{Environment.ProcessorCount} cores ({model ?? "unknown CPU"}), {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, " +
            $".NET {Environment.Version}";
    }
}
