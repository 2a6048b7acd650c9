using Microsoft.Extensions.DependencyInjection;
using Workspace.Benchmarks.Measuring;
using Workspace.Benchmarks.Server;
using Workspace.Domain.Messages;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;

namespace Workspace.Benchmarks.Scenarios;

/// <summary>
/// Issue 7, scenario 4: one channel with a long history (10,000, then 1,000,000 messages, written with bulk SQL). The
/// newest page, a deep page and a permalink jump, each through the query the app sends (GetChannelMessages, in this
/// process through the domain's Sender, a DI scope and DbContext per query as in the app) against the database.
/// Baseline: the same rows by one hand-written SQL query each.
/// </summary>
public sealed class HistoryScenario : IScenario
{
    private const double TargetP99 = 1.0;

    /// <summary>Run-to-run noise on a shared machine; growth beyond it counts as getting worse.</summary>
    public const double GrowthAllowance = 1.25;

    public string Name => "history";

    private const string Columns = """m."Id", m."Seq", m."ChangeSeq", m."Text", m."Html", m."CreatedAt", u."DisplayName", u."Handle" """;
    private const string From = """FROM messages m JOIN users u ON u."Id" = m."AuthorId" WHERE m."ChannelId" = @c AND NOT m."ThreadOnly" """;

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancel)
    {
        var result = new ScenarioResult(Name);
        int[] sizes = context.Smoke ? [200, 2_000] : [10_000, 1_000_000];
        foreach (var provider in context.Providers)
        {
            var bySize = new Dictionary<int, Dictionary<string, Latencies>>();
            foreach (var size in sizes)
                bySize[size] = await MeasureAsync(context, provider, size, result, cancel);
            var label = Label(provider);
            foreach (var query in bySize[sizes[0]].Keys)
            {
                var (small, large) = (bySize[sizes[0]][query].P99, bySize[sizes[1]][query].P99);
                result.Figures.Add(new Figure(Name, $"{query} p99 at {sizes[1]:N0} vs {sizes[0]:N0} messages, {label}", large, small, "ms",
                    $"≤ {GrowthAllowance:0.00} × (noise)", context.Smoke ? null : large <= small * GrowthAllowance));
            }
        }
        return result;
    }

    private static string Label(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL";

    private async Task<Dictionary<string, Latencies>> MeasureAsync(BenchContext context, DatabaseProvider provider, int size,
        ScenarioResult result, CancellationToken cancel)
    {
        var (warmUp, count) = context.Smoke ? (5, 30) : (200, 2_000);
        Task<Latencies> measure(Func<int, Task> operation) => Latencies.MeasureAsync(warmUp, count, operation, untilJitQuiet: !context.Smoke);
        await using var database = await BenchDatabase.CreateAsync(provider, context, "history", cancel);
        var workspace = await Seeding.SeedAsync(database, people: 1, channels: 1, cancel);
        var channel = workspace.Channels[0].Id;
        var services = database.Services;
        await using (var scope = services.CreateAsyncScope())
            await BulkHistory.AddAsync(scope.ServiceProvider.GetRequiredService<WorkspaceDb>(), 1, channel, workspace.Owner.Id, size, cancel);
        await BulkHistory.SettleAsync(context, database, cancel);
        context.Say($"history/{provider}: {size:N0} messages written");

        var send = services.GetRequiredService<Sender>();
        var viewer = workspace.People[0].Id;
        await using var raw = await RawQueries.OpenAsync(database, cancel);
        var random = new Random(size);
        var jumps = Enumerable.Range(0, warmUp + count).Select(_ => (long)random.Next(1, size + 1)).ToArray();
        var deep = size / 2;

        var measured = new Dictionary<string, (Latencies App, Latencies Raw)>
        {
            ["Newest page"] = (
                await measure(async _ => Check(await send.Send(new GetChannelMessages(viewer, channel), cancel))),
                await measure(async _ => await raw.ReadAsync(
                    $"""SELECT {Columns} {From} ORDER BY m."Seq" DESC LIMIT 51""", cancel, ("@c", channel)))),
            ["Deep page"] = (
                await measure(async _ => Check(await send.Send(new GetChannelMessages(viewer, channel, Before: deep), cancel))),
                await measure(async _ => await raw.ReadAsync(
                    $"""SELECT {Columns} {From} AND m."Seq" < @s ORDER BY m."Seq" DESC LIMIT 51""", cancel, ("@c", channel), ("@s", (long)deep)))),
            ["Permalink jump"] = (
                await measure(async i => Check(await send.Send(new GetChannelMessages(viewer, channel, Around: jumps[i]), cancel))),
                await measure(async i =>
                {
                    await raw.ReadAsync($"""SELECT {Columns} {From} AND m."Seq" < @s ORDER BY m."Seq" DESC LIMIT 26""", cancel, ("@c", channel), ("@s", jumps[i]));
                    await raw.ReadAsync($"""SELECT {Columns} {From} AND m."Seq" >= @s ORDER BY m."Seq" LIMIT 26""", cancel, ("@c", channel), ("@s", jumps[i]));
                })),
        };

        var label = Label(provider);
        foreach (var (query, (app, baseline)) in measured)
        {
            var judged = size >= 1_000_000 && !context.Smoke;
            result.Figures.Add(new Figure(Name, $"{query} p50 at {size:N0} messages, {label}", app.P50, baseline.P50, "ms", "", null));
            result.Figures.Add(new Figure(Name, $"{query} p99 at {size:N0} messages, {label}", app.P99, baseline.P99, "ms",
                size >= 1_000_000 ? "≤ 1 ms" : "", judged ? app.P99 <= TargetP99 : null));
            result.Latencies.Add(new LatencySeries(Name, $"{query}, {size:N0}, {label}", app.ChartPoints()));
        }
        result.Notes.Add($"history, {label}, {size:N0} messages: {count:N0} queries of each kind after at least {warmUp} unmeasured and until the JIT went quiet, one at a time, " +
            "through the domain's Sender in the benchmark process (no HTTP); deep page = before seq " +
            $"{deep:N0}; permalink = around a random seq. Baseline: the same rows by hand-written SQL on one open connection. " +
            string.Join("; ", measured.Select(m => $"{m.Key.ToLowerInvariant()}: {m.Value.App.AllocationNote} (baseline {m.Value.Raw.AllocationNote})")) + ".");
        return measured.ToDictionary(m => m.Key, m => m.Value.App);
    }

    private static void Check(MessagePage page)
    {
        if (page.Messages.Count == 0)
            throw new InvalidOperationException("A history page came back empty.");
    }
}
