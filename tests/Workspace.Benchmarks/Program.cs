using System.Diagnostics;
using System.Globalization;
using Workspace.Benchmarks.FanOut;
using Workspace.Benchmarks.Measuring;
using Workspace.Benchmarks.Report;
using Workspace.Benchmarks.Scenarios;
using Workspace.Benchmarks.Server;

namespace Workspace.Benchmarks;

/// <summary>
/// <c>all</c> runs every scenario at full size and writes docs/benchmarks.md; <c>smoke</c> runs them at tiny sizes and
/// only checks that they ran and their audits passed; a scenario's name runs that one (and writes its part of the
/// doc). PostgreSQL comes from <c>--postgres "connection string"</c> or WORKSPACE_BENCH_POSTGRES; without one only
/// SQLite runs. <c>--seconds N</c> measures load for N seconds instead of the default.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.FirstOrDefault() == RawInserts.WorkerVerb)
            return await RawInserts.WorkerMainAsync(args[1..]);
        if (args.FirstOrDefault() == SignalRBaselineHost.Argument)
        {
            await SignalRBaselineHost.RunAsync(args[1..]);
            return 0;
        }

        // History and unread run the app's queries in this process, so it takes the collector settings the image gives
        // the app: with the runtime's default young generation (a few MB here) a collection paused about one history
        // query in twenty, and the p99 measured the collector rather than the query. The generator's own pauses shrink too.
        if (Environment.GetEnvironmentVariable(ServerProcess.GcGen0SizeVariable) is null)
            return await RunAgainWithContainerCollectorAsync(args);

        var postgres = Option(args, "--postgres") ?? Environment.GetEnvironmentVariable("WORKSPACE_BENCH_POSTGRES");
        var names = args.Where((a, i) => !a.StartsWith("--") && (i == 0 || !args[i - 1].StartsWith("--"))).ToList();
        if (names.Count == 0 || names.Except(Suite.Scenarios.Select(s => s.Name).Append("all").Append("smoke")).Any())
        {
            Console.Error.WriteLine($"Usage: Workspace.Benchmarks all|smoke|{string.Join('|', Suite.Scenarios.Select(s => s.Name))} " +
                "[--postgres \"connection string\"] [--seconds N] [--sizes 100,1000] [--messages 200] [--web path/Workspace.Web.dll]");
            return 2;
        }
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

        var smoke = names.Contains("smoke");
        var selected = names.Contains("all") || smoke ? Suite.Scenarios : Suite.Scenarios.Where(s => names.Contains(s.Name)).ToList();
        var seconds = Option(args, "--seconds") is { } given ? double.Parse(given, CultureInfo.InvariantCulture) : (double?)null;
        var sizes = Option(args, "--sizes")?.Split(',').Select(int.Parse).ToArray();
        var messages = Option(args, "--messages") is { } count ? int.Parse(count) : (int?)null;
        var web = Option(args, "--web") is { } other ? Path.GetFullPath(other) : null;
        var results = await Suite.RunAsync(selected, smoke, postgres, Console.Out, cancel.Token, seconds, web, sizes, messages);
        foreach (var failure in results.SelectMany(r => r.AuditFailures))
            Console.Error.WriteLine($"AUDIT FAILED: {failure}");
        if (!smoke)
        {
            var document = await BenchmarkReport.WriteAsync(results, postgres is not null, cancel.Token);
            Console.WriteLine($"Results written to {document}");
        }
        return results.All(r => r.AuditPassed) ? 0 : 1;
    }

    private static async Task<int> RunAgainWithContainerCollectorAsync(string[] args)
    {
        var again = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            again.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var argument in args)
            again.ArgumentList.Add(argument);
        again.Environment[ServerProcess.GcGen0SizeVariable] = ServerProcess.ContainerGcGen0Size;
        // Ctrl+C reaches both processes; this one waits for the other to stop and report.
        Console.CancelKeyPress += (_, e) => e.Cancel = true;
        using var suite = Process.Start(again) ?? throw new InvalidOperationException("The suite did not start again.");
        await suite.WaitForExitAsync();
        return suite.ExitCode;
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}

public static class Suite
{
    public static IReadOnlyList<IScenario> Scenarios { get; } =
        [new PostThroughputScenario(), new FanOutScenario(), new MemoryScenario(), new HistoryScenario(), new UnreadScenario(), new MicroScenario()];

    /// <summary>Runs the scenarios one after another in a work directory of their own, removed afterwards.</summary>
    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(IEnumerable<IScenario> scenarios, bool smoke, string? postgres,
        TextWriter log, CancellationToken cancel, double? loadSeconds = null, string? web = null, int[]? sizes = null, int? messages = null)
    {
        var work = Directory.CreateTempSubdirectory("workspace-bench-");
        try
        {
            var pin = !smoke && OperatingSystem.IsLinux() && BenchContext.MachineCores >= 2;
            // The generator keeps to its own core even when started without bench.sh; Chromium, started later, inherits it.
            if (pin && OperatingSystem.IsLinux())
                Process.GetCurrentProcess().ProcessorAffinity = 1 << BenchContext.GeneratorCore;
            var context = new BenchContext(smoke, work.FullName, postgres, pin, log, loadSeconds, web, sizes, messages);
            var results = new List<ScenarioResult>();
            foreach (var scenario in scenarios)
            {
                context.Say($"scenario {scenario.Name}{(smoke ? " (smoke)" : "")}");
                try
                {
                    results.Add(await scenario.RunAsync(context, cancel));
                }
                catch (Exception e) when (!cancel.IsCancellationRequested)
                {
                    // The other scenarios' figures still count; this one is reported as failed.
                    var failed = new ScenarioResult(scenario.Name);
                    failed.Fail($"{scenario.Name} did not finish: {e}");
                    results.Add(failed);
                }
            }
            return results;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
