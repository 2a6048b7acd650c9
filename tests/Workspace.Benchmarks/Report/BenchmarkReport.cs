using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Workspace.Benchmarks.Scenarios;
using Workspace.Benchmarks.Server;

namespace Workspace.Benchmarks.Report;

/// <summary>
/// Writes the measured part of docs/benchmarks.md, between its two markers; what is written around them by hand
/// (how to reproduce, what was changed and why) stays as it is.
/// </summary>
public static class BenchmarkReport
{
    private const string Begin = "<!-- measured: written by tests/Workspace.Benchmarks, do not edit by hand -->";
    private const string End = "<!-- end of measured -->";

    public static async Task<string> WriteAsync(IReadOnlyList<ScenarioResult> results, bool withPostgres, CancellationToken cancel)
    {
        var root = RepositoryRoot();
        var path = Path.Combine(root, "docs", "benchmarks.md");
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path, cancel) : $"# Benchmarks\n\n{Begin}\n{End}\n";
        var from = existing.IndexOf(Begin, StringComparison.Ordinal);
        var to = existing.IndexOf(End, StringComparison.Ordinal);
        if (from < 0 || to < from)
            throw new InvalidOperationException($"{path} lacks the markers that hold the measured part.");
        var measured = Measured(results, withPostgres, root);
        await File.WriteAllTextAsync(path, existing[..(from + Begin.Length)] + "\n" + measured + existing[to..], cancel);
        return path;
    }

    private static string Measured(IReadOnlyList<ScenarioResult> results, bool withPostgres, string root)
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine($"Run of {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC at commit `{Git(root, "rev-parse --short HEAD")}`" +
            $"{(Git(root, "status --porcelain -- src tests") is "" ? "" : " (with uncommitted changes)")}, scenarios: " +
            $"{string.Join(", ", results.Select(r => r.Scenario))}{(withPostgres ? "" : " (SQLite only: no PostgreSQL server was given)")}.");
        text.AppendLine();
        text.AppendLine($"Machine: {CpuModel()}, {BenchContext.MachineCores} cores, {OsName()} ({RuntimeInformation.OSDescription}), " +
            $".NET {Environment.Version}. Server pinned to core {BenchContext.ServerCore}, generator to core {BenchContext.GeneratorCore}. " +
            $"The suite's own process (the generator; the history and unread queries run in it): " +
            $"{ServerProcess.GcGen0SizeVariable}={Environment.GetEnvironmentVariable(ServerProcess.GcGen0SizeVariable) ?? "unset"} " +
            $"(the image's: {ServerProcess.ContainerGcGen0Size}).");
        text.AppendLine();
        text.AppendLine("| scenario | figure | result | baseline | ratio | target | met |");
        text.AppendLine("|---|---|---:|---:|---:|---|---|");
        foreach (var f in results.SelectMany(r => r.Figures))
            text.AppendLine($"| {f.Scenario} | {f.Name} | {Number(f.Result)} {f.Unit} | {(f.Baseline is { } b ? $"{Number(b)} {f.Unit}" : "")} | " +
                $"{(f.Ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "")} | {f.Target} | {Met(f.Met)} |");
        text.AppendLine();
        text.AppendLine("### Notes from the run");
        text.AppendLine();
        foreach (var note in results.SelectMany(r => r.Notes))
            text.AppendLine($"- {note}");
        foreach (var failure in results.SelectMany(r => r.AuditFailures))
            text.AppendLine($"- **AUDIT FAILED**: {failure}");
        text.AppendLine();
        text.AppendLine("### Latency percentiles (ms, logarithmic bars)");
        foreach (var scenario in results.Where(r => r.Latencies.Count > 0))
        {
            text.AppendLine();
            text.AppendLine($"`{scenario.Scenario}`");
            text.AppendLine();
            text.AppendLine("```text");
            text.Append(Chart(scenario.Latencies));
            text.AppendLine("```");
        }
        foreach (var markdown in results.SelectMany(r => r.Markdown))
        {
            text.AppendLine();
            text.AppendLine(markdown.Trim());
        }
        text.AppendLine();
        return text.ToString();
    }

    private static string Chart(IReadOnlyList<LatencySeries> series)
    {
        const int width = 50;
        var values = series.SelectMany(s => s.Points.Select(p => p.Milliseconds)).Where(v => v > 0).ToList();
        var low = Math.Log10(values.Min());
        var high = Math.Max(Math.Log10(values.Max()), low + 1);
        var nameWidth = series.Max(s => s.Name.Length);
        var chart = new StringBuilder();
        foreach (var s in series)
        {
            foreach (var (percentile, ms) in s.Points)
            {
                var bar = ms > 0 ? 1 + (int)Math.Round((width - 1) * (Math.Log10(ms) - low) / (high - low)) : 0;
                chart.AppendLine($"{(percentile == s.Points[0].Percentile ? s.Name : "").PadRight(nameWidth)}  {percentile,-5} " +
                    $"{new string('#', bar).PadRight(width)} {Number(ms)}");
            }
        }
        return chart.ToString();
    }

    private static string Met(bool? met) => met switch { true => "yes", false => "**no**", null => "" };

    private static string Number(double value) => value switch
    {
        double.NaN => "n/a",
        >= 100 => value.ToString("#,0", CultureInfo.InvariantCulture),
        >= 1 => value.ToString("0.00", CultureInfo.InvariantCulture),
        _ => value.ToString("0.000", CultureInfo.InvariantCulture),
    };

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Workspace.sln")))
                return directory.FullName;
        throw new InvalidOperationException("Run from inside the repository: docs/benchmarks.md is written there.");
    }

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : RuntimeInformation.ProcessArchitecture.ToString();

    private static string OsName() =>
        File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') ?? "Linux"
            : RuntimeInformation.OSDescription;

    private static string Git(string root, string arguments)
    {
        var start = new ProcessStartInfo("git", arguments) { WorkingDirectory = root, RedirectStandardOutput = true };
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return output;
    }
}
