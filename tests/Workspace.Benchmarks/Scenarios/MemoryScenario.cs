using System.Text;
using Workspace.Benchmarks.FanOut;
using Workspace.Benchmarks.Memory;
using Workspace.Benchmarks.Server;

namespace Workspace.Benchmarks.Scenarios;

/// <summary>
/// Issue 7, scenario 3: the server's memory per connected person. Circuits are opened by the load client, each
/// showing a channel of 50 messages beside a sidebar of 50 channels; after each step the server runs a full
/// collection (through its diagnostics endpoint, switched on for this run only) and its working set (VmRSS) and
/// managed heap are read.
/// </summary>
public sealed class MemoryScenario : IScenario
{
    public const double TargetKbPerCircuit = 150;

    public string Name => "memory";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancel)
    {
        int[] steps = context.Sizes is { } sizes ? [0, .. sizes] : context.Smoke ? [0, 5] : [0, 500, 1000];
        var result = new ScenarioResult(Name);
        await using var seed = await WorkspaceSeed.CreateAsync(steps[^1], cancel);
        context.Log.WriteLine($"memory: seeded {seed.People.Count} people in {seed.Took.TotalSeconds:F1} s");
        await using var server = await ServerProcess.StartServingAsync(context.WebDll, [], [.. seed.Settings, (ServerMemory.GcEndpointSetting, "true")],
            context.ServerPin, cancel);
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = server.BaseAddress };

        var lastMessage = Encoding.UTF8.GetBytes(WorkspaceSeed.HistoryText(WorkspaceSeed.HistoryMessages).Split(" the ")[0]);
        var circuits = new List<BlazorCircuitClient>();
        var measured = new List<ServerMemory>();
        try
        {
            foreach (var step in steps)
            {
                var opening = Enumerable.Range(circuits.Count, step - circuits.Count).ToList();
                var shown = opening.ToDictionary(i => i, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                circuits.AddRange(await FanOutRun.OpenAllAsync(opening.Count, n => BlazorCircuitClient.OpenAsync(http, seed.People[opening[n]].Cookie,
                    $"c/{WorkspaceSeed.HistoryChannel}", batch =>
                    {
                        if (batch.AsSpan().IndexOf(lastMessage) >= 0)
                            shown[opening[n]].TrySetResult();
                    }, cancel), cancel));
                await Task.WhenAll(shown.Values.Select(s => s.Task).Concat(circuits.Select(c => c.Interactive)));
                measured.Add(await ServerMemory.MeasureAsync(http, server, step, cancel));
                context.Log.WriteLine($"memory: {step} circuits: heap {measured[^1].HeapBytes / 1048576.0:F1} MB, " +
                    $"working set {measured[^1].ResidentBytes / 1048576.0:F1} MB");
            }
            foreach (var failure in circuits.Select(c => c.Failure).OfType<string>().Distinct())
            {
                result.Notes.Add($"A circuit failed: {failure}");
                result.AuditPassed = false;
            }
        }
        finally
        {
            await Task.WhenAll(circuits.Select(c => c.DisposeAsync().AsTask()));
        }

        var none = measured[0];
        foreach (var step in measured)
        {
            result.Figures.Add(new Figure("memory", $"Working set, {step.Circuits} circuits", step.ResidentBytes / 1048576.0, null, "MB", "", null));
            result.Figures.Add(new Figure("memory", $"Managed heap after full GC, {step.Circuits} circuits", step.HeapBytes / 1048576.0, null, "MB", "", null));
        }
        // From none to all includes what the first circuits pay once (code compiled, caches filled); from the middle
        // step to the last is what one more person costs, which the target is about.
        var all = measured[^1];
        var from = measured.Count > 2 ? measured[^2] : none;
        foreach (var (start, judged) in new[] { (none, measured.Count == 2), (from, true) }.DistinctBy(s => s.Item1))
        {
            var circuitsAdded = all.Circuits - start.Circuits;
            var rss = (all.ResidentBytes - start.ResidentBytes) / 1024.0 / circuitsAdded;
            var heap = (all.HeapBytes - start.HeapBytes) / 1024.0 / circuitsAdded;
            var target = judged ? $"≤ {TargetKbPerCircuit} KB" : "";
            result.Figures.Add(new Figure("memory", $"Working set per circuit ({start.Circuits} → {all.Circuits})", rss, null, "KB", target,
                judged ? rss <= TargetKbPerCircuit : null));
            result.Figures.Add(new Figure("memory", $"Managed heap per circuit ({start.Circuits} → {all.Circuits})", heap, null, "KB", target,
                judged ? heap <= TargetKbPerCircuit : null));
        }
        return result;
    }
}
