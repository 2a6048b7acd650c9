using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Benchmarks.Measuring;
using Workspace.Benchmarks.Server;
using Workspace.Domain.Persistence;
using Workspace.Web.Api;

namespace Workspace.Benchmarks.Scenarios;

/// <summary>
/// Issue 7, scenario 1: sixteen API clients, each a person with a token, post to twenty channels as fast as they are
/// answered, for a fixed time, against the app pinned to one core. Every acknowledged post is then audited in the
/// database. Baseline: raw single-row insert transactions at the same concurrency, also on the server's core.
/// A smoke run has four clients in four channels.
/// </summary>
public sealed class PostThroughputScenario : IScenario
{
    public const int Clients = 16;
    public const int Channels = 20;
    private const double TargetPerCore = 2300;
    private const double TargetOfRaw = 0.5;

    public string Name => "posts";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancel)
    {
        var result = new ScenarioResult(Name);
        foreach (var provider in context.Providers)
            await RunAsync(context, provider, result, cancel);
        return result;
    }

    private static async Task RunAsync(BenchContext context, DatabaseProvider provider, ScenarioResult result, CancellationToken cancel)
    {
        var measured = TimeSpan.FromSeconds(context.LoadSeconds ?? (context.Smoke ? 1 : 15));
        var (clientCount, channelCount) = context.Smoke ? (4, 4) : (Clients, Channels);
        await using var database = await BenchDatabase.CreateAsync(provider, context, "posts", cancel);
        var workspace = await Seeding.SeedAsync(database, clientCount, channelCount, cancel);
        context.Say($"posts/{provider}: seeded {clientCount} people in {channelCount} channels; starting the app");

        var acknowledged = new ConcurrentBag<Acknowledged>();
        Load load;
        JitWarmUp.Result warmUp;
        var (server, address) = await ServerProcess.StartAppAsync([.. database.Settings,
            ("RateLimits:MessageBurst", "1000000"), ("RateLimits:MessagesPerSecond", "1000000"),
            ("RateLimits:ApiRequestsPerMinute", "100000000")], context.ServerPin, cancel, context.WebDll);
        await using (server)
        {
            var clients = workspace.People.Select(p => Client(address, p.Token)).ToList();
            warmUp = await JitWarmUp.RunAsync(address, window => PostAsync(clients, workspace, window, acknowledged, cancel),
                context.Smoke, cancel);
            context.Say($"posts/{provider}: {warmUp.Describe()}; measuring");
            var cpu = CpuMeter.Start(server.Id, BenchContext.ServerCore);
            load = await PostAsync(clients, workspace, measured, acknowledged, cancel);
            load = load with { Cpu = cpu.Stop() };
            clients.ForEach(c => c.Dispose());
        }
        context.Say($"posts/{provider}: {load.Posts} posts in {load.Seconds:F1} s; {load.Cpu!.Describe()}; auditing");
        await AuditAsync(database, workspace, acknowledged.ToList(), provider, result, cancel);

        context.Say($"posts/{provider}: raw-insert baseline");
        var raw = await RawBaselineAsync(context, database, clientCount, measured, cancel);

        var label = provider == DatabaseProvider.Sqlite ? "SQLite (WAL)" : "PostgreSQL";
        var valid = !load.Cpu.GeneratorSaturated;
        var perCore = load.Posts / load.Seconds;
        var met = context.Smoke || !valid ? (bool?)null : perCore >= TargetPerCore && perCore / raw.PerSecond >= TargetOfRaw;
        result.Figures.Add(new Figure("posts", $"Posts/s on one server core, {label} (baseline: raw insert transactions/s)",
            perCore, raw.PerSecond, "/s", "≥ 2,300 /s and ≥ 0.5 × raw", met));
        result.Figures.Add(new Figure("posts", $"Post ack latency p50, {label} (baseline: raw insert)", load.Latencies.P50, raw.P50, "ms", "", null));
        result.Figures.Add(new Figure("posts", $"Post ack latency p99, {label} (baseline: raw insert)", load.Latencies.P99, raw.P99, "ms", "", null));
        result.Latencies.Add(new LatencySeries("posts", $"post ack, {label}", load.Latencies.ChartPoints()));
        result.Latencies.Add(new LatencySeries("posts", $"raw insert, {label}",
            [.. new[] { "p50", "p90", "p99", "p99.9", "max" }.Zip(raw.Chart)]));
        result.Notes.Add($"posts, {label}: {load.Posts:N0} posts by {clientCount} clients in {channelCount} channels in {load.Seconds:F1} s after {warmUp.Describe()}, " +
            $"{load.Retries} retried; {load.Cpu.Describe()}. Raw baseline: {raw.Inserts:N0} inserts in {raw.Seconds:F1} s." +
            (valid ? "" : " INVALID: the generator was saturated."));
    }

    private static HttpClient Client(Uri address, string token)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed record Load(int Posts, double Seconds, int Retries, Latencies Latencies, CpuShares? Cpu = null);

    private sealed record Acknowledged(Guid ClientMessageId, Guid MessageId, Guid AuthorId, string Channel, long Seq, string Text);

    private static async Task<Load> PostAsync(List<HttpClient> clients, SeededWorkspace workspace, TimeSpan duration,
        ConcurrentBag<Acknowledged> acknowledged, CancellationToken cancel)
    {
        var retries = 0;
        var started = Stopwatch.GetTimestamp();
        var stopAt = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perClient = await Task.WhenAll(clients.Select((client, c) => Task.Run(async () =>
        {
            var latencies = new Latencies();
            var person = workspace.People[c];
            for (var n = acknowledged.Count; Stopwatch.GetTimestamp() < stopAt; n++)
            {
                var channel = workspace.Channels[(c + n) % workspace.Channels.Count].Name;
                var text = n % 10 == 0
                    ? $"@{workspace.Owner.Handle} deploy {c}.{n} is **done**: see `build.log` and https://example.com/builds/{n}"
                    : $"deploy {c}.{n} is **done**, tests green";
                var clientMessageId = Guid.NewGuid();
                var start = Stopwatch.GetTimestamp();
                for (var attempt = 1; ; attempt++)
                {
                    using var response = await client.PostAsJsonAsync($"api/v1/channels/{channel}/messages", new { text, clientMessageId }, cancel);
                    if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                    {
                        var posted = (await response.Content.ReadFromJsonAsync<ApiPosted>(cancel))!;
                        latencies.Add(start);
                        acknowledged.Add(new Acknowledged(clientMessageId, posted.Id, person.Id, channel, posted.Seq, text));
                        break;
                    }
                    // Retried under the same client id, as a client does; the audit then sees whether it stayed one post.
                    Interlocked.Increment(ref retries);
                    if (attempt == 20)
                        throw new InvalidOperationException($"A post kept failing: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancel)}");
                }
            }
            return latencies;
        }, cancel)));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = new Latencies();
        foreach (var latencies in perClient)
            all.AddRange(latencies);
        return new Load(all.Count, seconds, retries, all);
    }

    private static async Task AuditAsync(BenchDatabase database, SeededWorkspace workspace, List<Acknowledged> acknowledged,
        DatabaseProvider provider, ScenarioResult result, CancellationToken cancel)
    {
        var services = database.Services;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
        var stored = await db.Messages.AsNoTracking()
            .Join(db.Channels, m => m.ChannelId, c => c.Id, (m, c) => new { m.Id, m.AuthorId, m.ClientMessageId, m.Seq, m.Text, Channel = c.Name })
            .ToListAsync(cancel);
        var mentioned = (await db.Mentions.Where(m => m.UserId == workspace.Owner.Id).Select(m => m.MessageId).ToListAsync(cancel)).ToHashSet();
        var counters = await db.Channels.ToDictionaryAsync(c => c.Name, c => c.LastSeq, cancel);
        var failures = new List<string>();

        if (acknowledged.Select(a => (a.AuthorId, a.ClientMessageId)).Distinct().Count() != acknowledged.Count)
            failures.Add("one client id was acknowledged twice");
        if (stored.Count != acknowledged.Count)
            failures.Add($"{acknowledged.Count} posts were acknowledged but {stored.Count} messages are stored");
        var byClientId = stored.GroupBy(m => (m.AuthorId, m.ClientMessageId)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var post in acknowledged)
        {
            if (!byClientId.TryGetValue((post.AuthorId, post.ClientMessageId), out var copies))
                failures.Add($"acknowledged post {post.ClientMessageId} is missing");
            else if (copies.Count != 1)
                failures.Add($"acknowledged post {post.ClientMessageId} is stored {copies.Count} times");
            else if ((copies[0].Id, copies[0].Channel, copies[0].Seq, copies[0].Text) != (post.MessageId, post.Channel, post.Seq, post.Text))
                failures.Add($"acknowledged post {post.ClientMessageId} is stored differently from its acknowledgement");
        }
        foreach (var channel in stored.GroupBy(m => m.Channel))
            if (!channel.Select(m => m.Seq).Order().SequenceEqual(Enumerable.Range(1, (int)counters[channel.Key]).Select(i => (long)i)))
                failures.Add($"#{channel.Key}'s seqs are not 1..{counters[channel.Key]} without gaps");
        var missingMentions = stored.Count(m => m.Text.StartsWith('@') && !mentioned.Contains(m.Id));
        if (missingMentions > 0)
            failures.Add($"{missingMentions} messages lack their mention");

        foreach (var failure in failures.Take(10))
            result.Fail($"posts/{provider}: {failure}");
        result.Notes.Add($"posts, {provider}: audit {(failures.Count == 0 ? "passed" : "FAILED")}: {acknowledged.Count:N0} acknowledged posts, " +
            $"{stored.Count:N0} stored, {counters.Count} channels gapless, {stored.Count(m => m.Text.StartsWith('@')):N0} with their mention.");
    }

    /// <summary>In a full run on the server's core, in a process of its own; in a smoke run here.</summary>
    private static async Task<RawInsertResult> RawBaselineAsync(BenchContext context, BenchDatabase database, int writers,
        TimeSpan duration, CancellationToken cancel)
    {
        if (!context.Pin)
            return await RawInserts.RunAsync(database.Provider, database.ConnectionString, writers, duration, cancel);
        await using var worker = ServerProcess.Start(typeof(RawInserts).Assembly.Location,
            [RawInserts.WorkerVerb, database.Provider.ToString(), database.ConnectionString, writers.ToString(),
                duration.TotalSeconds.ToString(CultureInfo.InvariantCulture)],
            new Dictionary<string, string>(), BenchContext.ServerCore);
        return RawInserts.Parse(await worker.RunToEndAsync(cancel));
    }
}
