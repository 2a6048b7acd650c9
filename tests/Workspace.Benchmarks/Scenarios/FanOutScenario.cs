using System.Net.Http.Headers;
using System.Net.Http.Json;
using Workspace.Benchmarks.FanOut;
using Workspace.Benchmarks.Measuring;
using Workspace.Benchmarks.Server;

namespace Workspace.Benchmarks.Scenarios;

/// <summary>
/// Issue 7, scenario 2: one channel, a sender posting 10 messages a second through the API, and N subscribers; the
/// time from the sender's acknowledgement to each subscriber's receipt. Measured for event-stream clients, for Blazor
/// circuits (the load client, checked against a few Chromium pages in the same run), and for the baseline: a plain
/// SignalR hub broadcasting the same text to a group of N.
/// </summary>
public sealed class FanOutScenario : IScenario
{
    public const double TargetP99Ms = 10;
    public const double TargetCircuitRatio = 1.5;
    private const int TargetSubscribers = 1000;

    public string Name => "fanout";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancel)
    {
        var sizes = context.Sizes ?? (context.Smoke ? [5] : [100, 1000]);
        var messages = context.Messages ?? (context.Smoke ? 3 : 200);
        var browsers = context.Smoke ? 1 : 3;
        var result = new ScenarioResult(Name);

        await using var seed = await WorkspaceSeed.CreateAsync(sizes.Max() + browsers, cancel);
        context.Log.WriteLine($"fanout: seeded {seed.People.Count} people in {seed.Took.TotalSeconds:F1} s");
        var chromium = File.Exists(BrowserPages.Chromium);
        if (!chromium)
            result.Notes.Add($"No Chromium at {BrowserPages.Chromium}: the browser check was skipped.");

        foreach (var size in sizes)
        {
            var baseline = await BaselineAsync(context, size, messages, result, cancel);
            var streams = await EventStreamsAsync(context, seed, size, messages, result, cancel);
            var circuits = await CircuitsAsync(context, seed, size, chromium ? browsers : 0, messages, result, cancel);
            foreach (var measured in (FanOutMeasurement[])[baseline, streams, .. circuits])
            {
                context.Log.WriteLine($"fanout: {measured}");
                result.Latencies.Add(measured.Series);
            }
            Report(result, size, baseline, streams, circuits);
        }
        return result;
    }

    private static void Report(ScenarioResult result, int size, FanOutMeasurement baseline, FanOutMeasurement streams,
        IReadOnlyList<FanOutMeasurement> circuits)
    {
        var targeted = size == TargetSubscribers;
        void Add(string name, double value, double? baselineValue, string unit, string target, bool? met) =>
            result.Figures.Add(new Figure("fanout", name, value, baselineValue, unit, target, met));

        Add($"SignalR hub (baseline), {size}: p50 / p99 / max", baseline.P99, null, "ms", $"p50 {baseline.P50:F2}, max {baseline.Max:F2}", null);
        foreach (var measured in (FanOutMeasurement[])[streams, .. circuits])
        {
            var p99Target = measured.Kind == "Blazor circuits"
                ? $"≤ {TargetCircuitRatio}× baseline" + (targeted ? $" and ≤ {TargetP99Ms} ms" : "")
                : targeted ? $"≤ {TargetP99Ms} ms" : "";
            bool? p99Met = measured.Kind switch
            {
                "Blazor circuits" => measured.P99 <= TargetCircuitRatio * baseline.P99 && (!targeted || measured.P99 <= TargetP99Ms),
                "Event streams" when targeted => measured.P99 <= TargetP99Ms,
                _ => null,
            };
            Add($"{measured.Label}, {size}: p99 (p50 {measured.P50:F2}, max {measured.Max:F2})", measured.P99, baseline.P99, "ms", p99Target, p99Met);
            Add($"{measured.Label}, {size}: received", measured.ReceivedShare * 100, baseline.ReceivedShare * 100, "%", "100 %",
                measured.ReceivedShare >= 1);
        }
        foreach (var measured in (FanOutMeasurement[])[baseline, streams, .. circuits.Take(1)])
        {
            Add($"Generator CPU during {measured.Kind}, {size}", measured.GeneratorCpu * 100, null, "% of a core", "≤ 90 % (else invalid)",
                !measured.GeneratorSaturated);
            if (measured.GeneratorSaturated)
                result.Notes.Add($"{measured.Kind} with {size} subscribers is INVALID: the generator used {measured.GeneratorCpu:P0} of its core.");
        }
        if (baseline.ReceivedShare < 1 || streams.ReceivedShare < 1 || circuits.Any(c => c.ReceivedShare < 1))
            result.AuditPassed = false;
    }

    private static async Task<FanOutMeasurement> BaselineAsync(BenchContext context, int size, int messages, ScenarioResult result,
        CancellationToken cancel)
    {
        await using var host = await ServerProcess.StartServingAsync(typeof(SignalRBaselineHost).Assembly.Location, [SignalRBaselineHost.Argument], [],
            context.ServerPin, cancel);
        var book = new ReceiptBook(size, messages);
        var connections = await FanOutRun.OpenAllAsync(size, i => SignalRBaselineHost.SubscribeAsync(host.BaseAddress, i, book, cancel), cancel);
        try
        {
            using var http = new HttpClient { BaseAddress = host.BaseAddress };
            await WarmUpAsync(context, host.BaseAddress, book, .., SignalRBaselineHost.Post(http, book.WarmUpText), $"SignalR hub, {size}", result, cancel);
            return (await FanOutRun.MeasureAsync(size, book, SignalRBaselineHost.Post(http, book.Text), host.Id, [("SignalR hub", ..)], cancel))[0];
        }
        finally
        {
            await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    private static async Task<FanOutMeasurement> EventStreamsAsync(BenchContext context, WorkspaceSeed seed, int size, int messages,
        ScenarioResult result, CancellationToken cancel)
    {
        await using var server = await StartAppAsync(context, seed, cancel);
        var book = new ReceiptBook(size, messages);
        using var streams = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = server.BaseAddress, Timeout = Timeout.InfiniteTimeSpan,
        };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var ready = Enumerable.Range(0, size).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var following = Enumerable.Range(0, size)
            .Select(i => Task.Run(() => EventStreamSubscriber.FollowAsync(streams, seed.People[i].Token, i, book, ready[i], stop.Token), cancel))
            .ToArray();
        try
        {
            await Task.WhenAll(ready.Select(r => r.Task));
            using var http = new HttpClient { BaseAddress = server.BaseAddress };
            await WarmUpAsync(context, server.BaseAddress, book, .., Posting.ThroughApi(http, seed.Owner.Token, WorkspaceSeed.Channel, book.WarmUpText),
                $"Event streams, {size}", result, cancel);
            return (await FanOutRun.MeasureAsync(size, book, Posting.ThroughApi(http, seed.Owner.Token, WorkspaceSeed.Channel, book.Text), server.Id,
                [("Event streams", ..)], cancel))[0];
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(following);
        }
    }

    private static async Task<List<FanOutMeasurement>> CircuitsAsync(BenchContext context, WorkspaceSeed seed, int size, int browsers,
        int messages, ScenarioResult result, CancellationToken cancel)
    {
        await using var server = await StartAppAsync(context, seed, cancel);
        var book = new ReceiptBook(size + browsers, messages);
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = server.BaseAddress };
        // Earlier runs posted here. Someone with more than a page unread gets the page at their first unread message,
        // where new messages wait below rather than appear; these people have been reading along.
        await FanOutRun.OpenAllAsync(size + browsers, i => MarkReadAsync(http, seed.People[i].Token), cancel);
        var circuits = await FanOutRun.OpenAllAsync(size, i => BlazorCircuitClient.OpenAsync(http, seed.People[i].Cookie,
            $"c/{WorkspaceSeed.Channel}", batch => book.Scan(i, batch), cancel), cancel);
        await using var pages = browsers > 0 ? await BrowserPages.LaunchAsync() : null;
        try
        {
            await Task.WhenAll(circuits.Select(c => c.Interactive));
            for (var b = 0; b < browsers; b++)
                await pages!.OpenAsync(server.BaseAddress, seed.People[size + b], size + b, book);
            // The pages' observers look for measured messages only; the load clients tell when the warm-up is through.
            await WarmUpAsync(context, server.BaseAddress, book, ..size, Posting.ThroughApi(http, seed.Owner.Token, WorkspaceSeed.Channel, book.WarmUpText),
                $"Blazor circuits, {size}", result, cancel);
            var before = Traffic(circuits);
            var measured = await FanOutRun.MeasureAsync(size, book, Posting.ThroughApi(http, seed.Owner.Token, WorkspaceSeed.Channel, book.Text), server.Id,
                browsers > 0 ? [("Blazor circuits", ..size), ("Chromium pages", size..)] : [("Blazor circuits", ..size)], cancel);
            var after = Traffic(circuits);
            var perPage = (double)size * messages;
            result.Notes.Add($"Blazor circuits, {size}: per measured message and page, {(after.Batches - before.Batches) / perPage:F2} render batches " +
                $"({(after.Bytes - before.Bytes) / Math.Max(after.Batches - before.Batches, 1):N0} bytes each) and {(after.JsCalls - before.JsCalls) / perPage:F2} JS interop calls.");
            foreach (var failure in circuits.Select(c => c.Failure).OfType<string>().Distinct())
                result.Notes.Add($"A circuit of {size} failed: {failure}");
            return measured;
        }
        finally
        {
            await Task.WhenAll(circuits.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    private static (long Batches, long Bytes, long JsCalls) Traffic(IEnumerable<BlazorCircuitClient> circuits) =>
        circuits.Select(c => c.Traffic).Aggregate((0L, 0L, 0L), (sum, t) => (sum.Item1 + t.Batches, sum.Item2 + t.BatchBytes, sum.Item3 + t.JsCalls));

    private static async Task<bool> MarkReadAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/channels/{WorkspaceSeed.Channel}/read")
        {
            Content = JsonContent.Create(new { seq = int.MaxValue }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.EnsureSuccessStatusCode().IsSuccessStatusCode;
    }

    public static Task<ServerProcess> StartAppAsync(BenchContext context, WorkspaceSeed seed, CancellationToken cancel) =>
        ServerProcess.StartServingAsync(context.WebDll, [], seed.Settings, context.ServerPin, cancel);

    /// <summary>
    /// Posts untimed messages at the measured rate until the server's JIT is quiet (<see cref="JitWarmUp"/>, as
    /// <c>posts</c> does: a figure taken on the quick first-pass code measures the JIT, not the server), then waits
    /// until the <paramref name="scanning"/> subscribers have all of them and the server has settled.
    /// </summary>
    private static async Task WarmUpAsync(BenchContext context, Uri server, ReceiptBook book, Range scanning,
        Func<int, CancellationToken, Task> post, string label, ScenarioResult result, CancellationToken cancel)
    {
        var posted = 0;
        var warmUp = await JitWarmUp.RunAsync(server, async window => posted = await Posting.ForAsync(posted, window, post, cancel), context.Smoke,
            cancel);
        var delivered = await book.WarmedUpAsync(scanning, posted, TimeSpan.FromMinutes(1), cancel);
        var note = $"{label}: {warmUp.Describe()}, {posted} messages" + (delivered ? "" : "; not all delivered a minute after the last");
        context.Log.WriteLine($"fanout: {note}");
        if (!context.Smoke)
            result.Notes.Add(note);
        await SettleAsync(context, cancel);
    }

    /// <summary>
    /// In a measured run, a pause once everyone is connected and warm, so that the first messages meet a server at rest
    /// rather than one still finishing the connections. Smoke runs post at once: nothing is timed there.
    /// </summary>
    private static Task SettleAsync(BenchContext context, CancellationToken cancel) =>
        context.Smoke ? Task.CompletedTask : Task.Delay(TimeSpan.FromSeconds(2), cancel);
}
