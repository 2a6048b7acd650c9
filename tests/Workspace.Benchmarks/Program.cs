using System.Diagnostics;
using Workspace.Benchmarks.FanOut;
using Workspace.Benchmarks.Memory;
using Workspace.Benchmarks.Scenarios;

namespace Workspace.Benchmarks;

/// <summary>
/// <c>dotnet Workspace.Benchmarks.dll [scenario ...|all] [--smoke] [--report path] [--sizes 100,1000] [--messages 200] [--web Workspace.Web.dll]</c>. Pins itself to core 1 and the
/// servers it starts to core 0 (unless --smoke), runs the scenarios and writes their figures as Markdown.
/// </summary>
public static class Program
{
    public static readonly IScenario[] Scenarios = [new FanOutScenario(), new MemoryScenario()];

    public static async Task<int> Main(string[] args)
    {
        if (args.FirstOrDefault() == SignalRBaselineHost.Argument)
        {
            await SignalRBaselineHost.RunAsync(args[1..]);
            return 0;
        }
        var smoke = args.Contains("--smoke");
        var reportAt = Option(args, "--report");
        var sizes = Option(args, "--sizes")?.Split(',').Select(int.Parse).ToArray();
        var messages = Option(args, "--messages") is { } count ? int.Parse(count) : (int?)null;
        var names = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal) || args[i - 1] == "--smoke")).ToList();
        var chosen = names.Count == 0 || names.Contains("all") ? Scenarios : Scenarios.Where(s => names.Contains(s.Name)).ToArray();
        if (chosen.Length == 0)
        {
            Console.Error.WriteLine($"Scenarios: {string.Join(", ", Scenarios.Select(s => s.Name))}, all. Options: --smoke, --report FILE, --sizes 100,1000, --messages 200, --web path/Workspace.Web.dll.");
            return 2;
        }

        var pinned = false;
        if (!smoke && Environment.ProcessorCount >= 2 && OperatingSystem.IsLinux())
        {
            // Chromium, started later, inherits this: the browser check shares the generator's core.
            Process.GetCurrentProcess().ProcessorAffinity = 1 << 1;
            pinned = true;
        }
        // Another build of the app, to measure a before beside an after on the same machine and day.
        var webDll = Option(args, "--web") is { } other ? Path.GetFullPath(other) : BenchContext.DefaultWebDll;
        var context = new BenchContext(smoke, webDll, pinned ? 0 : null, pinned ? 1 : null, Console.Out, sizes, messages);
        var results = new List<(IScenario Scenario, ScenarioResult Result)>();
        foreach (var scenario in chosen)
            results.Add((scenario, await scenario.RunAsync(context, CancellationToken.None)));
        var report = FanOutReport.Markdown(context, results);
        Console.WriteLine(report);
        if (reportAt is not null)
            await File.WriteAllTextAsync(reportAt, report);
        return results.All(r => r.Result.AuditPassed) ? 0 : 1;
    }

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
