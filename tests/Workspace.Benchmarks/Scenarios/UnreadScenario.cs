using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Benchmarks.Measuring;
using Workspace.Benchmarks.Server;
using Workspace.Domain.Channels;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Realtime;

namespace Workspace.Benchmarks.Scenarios;

/// <summary>
/// Issue 7, scenario 5: a person in 500 channels, some read to the end, some not, with mentions and deleted messages
/// after the read pointer; the sidebar's counts (GetSidebar, through the domain's Sender in this process, as the
/// sidebar and GET /api/v1/channels send it). Once with 20 messages per channel (10,000), once with 2,000 (1,000,000).
/// Baseline: the counters alone (channel.last_seq − membership.last_read_seq) by one hand-written SQL query.
/// On SQLite a sidebar asked again while nothing in it changed comes from memory (SidebarCache): that is the judged
/// figure, and the same query after the person's read pointer moved (read from the database) is measured beside it.
/// </summary>
public sealed class UnreadScenario : IScenario
{
    private const double TargetP99 = 0.5;

    public string Name => "unread";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancel)
    {
        var result = new ScenarioResult(Name);
        var channels = context.Smoke ? 20 : 500;
        int[] perChannel = context.Smoke ? [5, 50] : [20, 2_000];
        foreach (var provider in context.Providers)
        {
            var p99 = new List<double>();
            foreach (var messages in perChannel)
                p99.Add(await MeasureAsync(context, provider, channels, messages, result, cancel));
            result.Figures.Add(new Figure(Name, $"Sidebar counts p99 at {channels * perChannel[1]:N0} vs {channels * perChannel[0]:N0} messages, " +
                $"{Label(provider)}", p99[1], p99[0], "ms", $"≤ {HistoryScenario.GrowthAllowance:0.00} × (noise)",
                context.Smoke ? null : p99[1] <= p99[0] * HistoryScenario.GrowthAllowance));
        }
        return result;
    }

    private static string Label(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL";

    private static async Task<double> MeasureAsync(BenchContext context, DatabaseProvider provider, int channels, int perChannel,
        ScenarioResult result, CancellationToken cancel)
    {
        var (warmUp, count) = context.Smoke ? (5, 30) : (200, 2_000);
        Task<Latencies> measure(Func<int, Task> operation) => Latencies.MeasureAsync(warmUp, count, operation, untilJitQuiet: !context.Smoke);
        await using var database = await BenchDatabase.CreateAsync(provider, context, "unread", cancel);
        var workspace = await Seeding.SeedAsync(database, people: 1, channels: channels, cancel);
        var viewer = workspace.People[0].Id;
        var services = database.Services;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
            for (var i = 0; i < channels; i++)
            {
                var channel = workspace.Channels[i].Id;
                await BulkHistory.AddAsync(db, i + 1, channel, workspace.Owner.Id, perChannel, cancel);
                // Every other channel read to the end; the rest up to 1-9 messages before it.
                var readUpTo = i % 2 == 0 ? perChannel : perChannel - 1 - i % 9;
                await db.Memberships.Where(m => m.ChannelId == channel && m.UserId == viewer)
                    .ExecuteUpdateAsync(set => set.SetProperty(m => m.LastReadSeq, readUpTo), cancel);
                if (i % 5 == 1)
                    await db.Database.ExecuteSqlRawAsync("""
                        INSERT INTO mentions ("MessageId", "UserId", "ChannelId", "Seq", "Kind", "CreatedAt")
                        SELECT "Id", {0}, "ChannelId", "Seq", 0, "CreatedAt" FROM messages WHERE "ChannelId" = {1} AND "Seq" = {2}
                        """, [viewer, channel, (long)perChannel], cancel);
                if (i % 10 == 3)
                    await db.Messages.Where(m => m.ChannelId == channel && m.Seq == perChannel - 1)
                        .ExecuteUpdateAsync(set => set.SetProperty(m => m.Text, "").SetProperty(m => m.Html, "")
                            .SetProperty(m => m.DeletedAt, m => (DateTimeOffset?)m.CreatedAt), cancel);
            }
        }
        await BulkHistory.SettleAsync(context, database, cancel);
        context.Say($"unread/{provider}: {channels} channels of {perChannel:N0} messages written");

        var send = services.GetRequiredService<Sender>();
        var events = services.GetRequiredService<IChatEvents>();
        await using var raw = await RawQueries.OpenAsync(database, cancel);
        async Task ask()
        {
            var sidebar = await send.Send(new GetSidebar(viewer), cancel);
            // Everyone is in #general too.
            if (sidebar.Count != channels + 1)
                throw new InvalidOperationException($"The sidebar showed {sidebar.Count} of {channels + 1} channels.");
        }
        var app = await measure(_ => ask());
        // What a read pointer's move publishes makes the next ask read the database again.
        var afterChange = provider == DatabaseProvider.Sqlite
            ? await measure(_ =>
            {
                events.Publish(new ChannelRead(viewer, workspace.Channels[0].Id, 0));
                return ask();
            })
            : null;
        var baseline = await measure(async _ => await raw.ReadAsync("""
            SELECT c."Id", c."Name", c."Kind", c."LastSeq" - m."LastReadSeq" FROM memberships m JOIN channels c ON c."Id" = m."ChannelId"
            WHERE m."UserId" = @u AND NOT c."IsArchived" ORDER BY c."Name"
            """, cancel, ("@u", viewer)));

        var label = Label(provider);
        var size = channels * perChannel;
        var judged = !context.Smoke && provider == DatabaseProvider.Sqlite;
        result.Figures.Add(new Figure("unread", $"Sidebar counts p50, {channels} channels, {size:N0} messages, {label}", app.P50, baseline.P50, "ms", "", null));
        result.Figures.Add(new Figure("unread", $"Sidebar counts p99, {channels} channels, {size:N0} messages, {label}", app.P99, baseline.P99, "ms",
            provider == DatabaseProvider.Sqlite ? "≤ 0.5 ms" : "", judged ? app.P99 <= TargetP99 : null));
        if (afterChange is not null)
        {
            result.Figures.Add(new Figure("unread", $"Sidebar counts p50 after a change (from the database), {channels} channels, {size:N0} messages, {label}",
                afterChange.P50, baseline.P50, "ms", "", null));
            result.Figures.Add(new Figure("unread", $"Sidebar counts p99 after a change (from the database), {channels} channels, {size:N0} messages, {label}",
                afterChange.P99, baseline.P99, "ms", "", null));
        }
        result.Latencies.Add(new LatencySeries("unread", $"sidebar, {size:N0}, {label}", app.ChartPoints()));
        result.Notes.Add($"unread, {label}, {channels} channels × {perChannel:N0} messages: {count:N0} GetSidebar queries after at least {warmUp} unmeasured and until the JIT went quiet, " +
            "through the domain's Sender in the benchmark process; half the channels have 1–9 unread, a fifth a mention, a tenth a " +
            "deleted unread message. Baseline: the counters alone by one hand-written SQL query on one open connection." +
            (afterChange is null ? "" : " On SQLite the same number again, each after the event a read pointer's move publishes, " +
                "so each reads the database (\"after a change\"); the judged figure is the sidebar asked again unchanged, from memory.") +
            $" Sidebar: {app.AllocationNote}" + (afterChange is null ? "" : $"; after a change: {afterChange.AllocationNote}") + $"; baseline: {baseline.AllocationNote}.");
        return app.P99;
    }
}
