using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workspace.Domain;
using Workspace.Domain.Channels;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Profiles;
using Workspace.Domain.Setup;
using Workspace.E2E.Support;
using Workspace.Web.Api;

namespace Workspace.E2E.Reliability;

/// <summary>
/// The promise "an acknowledged message is never lost, never duplicated, and numbered without gaps", under crashes:
/// clients post through the API as fast as they can, retrying each send under its client id until it is acknowledged,
/// while the server is killed with SIGKILL again and again. Then every acknowledged post is checked in the database.
/// </summary>
public sealed class CrashConsistencyTests
{
    private const int Posters = 4;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Kills per run; raise WORKSPACE_CRASH_CYCLES for a longer soak (figures in docs/reliability.md).</summary>
    private static int Cycles => int.TryParse(Environment.GetEnvironmentVariable("WORKSPACE_CRASH_CYCLES"), out var cycles) ? cycles : 3;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Posts_AcknowledgedWhileTheServerIsKilledAgainAndAgain_AreAllStoredOnceWithGaplessSeqs(string provider)
    {
        await using var database = await Database.CreateAsync(provider);
        var (token, channels) = await SetUpAsync(database);
        await using var app = new AppProcess([.. database.Settings,
            ("RateLimits:MessageBurst", "1000000"), ("RateLimits:ApiRequestsPerMinute", "1000000")]);
        await app.StartAsync(Cancel);

        var acknowledged = new ConcurrentBag<Acknowledged>();
        var retries = 0;
        using var stop = new CancellationTokenSource();
        var posting = Enumerable.Range(0, Posters).Select(poster => Task.Run(async () =>
        {
            using var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var channel = channels[(poster + n) % channels.Count];
                var text = n % 3 == 0 ? $"post {poster}.{n} for @ann" : $"post {poster}.{n}";
                var clientMessageId = Guid.NewGuid();
                // Until acknowledged, whatever happens: the same id every time, so a retry never posts twice.
                while (true)
                {
                    try
                    {
                        var response = await client.PostAsJsonAsync($"/api/v1/channels/{channel}/messages", new { text, clientMessageId }, Cancel);
                        if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                        {
                            var posted = (await response.Content.ReadFromJsonAsync<ApiPosted>(Cancel))!;
                            acknowledged.Add(new Acknowledged(clientMessageId, posted.Id, channel, posted.Seq, text));
                            break;
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException && !Cancel.IsCancellationRequested)
                    {
                        // The server is down or died mid-answer.
                    }
                    Interlocked.Increment(ref retries);
                    await Task.Delay(20, Cancel);
                }
            }
        }, Cancel)).ToList();

        var outages = new List<TimeSpan>();
        var random = new Random(Cycles * 7919);
        for (var cycle = 0; cycle < Cycles; cycle++)
        {
            // Kill after a random number of acknowledgements, so kills land at every point of a post.
            var target = acknowledged.Count + random.Next(20, 80);
            while (acknowledged.Count < target)
            {
                if (posting.FirstOrDefault(p => p.IsFaulted) is { } failed)
                    await failed;
                await Task.Delay(5, Cancel);
            }
            var down = Stopwatch.StartNew();
            await app.KillAsync();
            await app.StartAsync(Cancel);
            outages.Add(down.Elapsed);
        }
        stop.Cancel();
        await Task.WhenAll(posting);
        await app.KillAsync();

        var audit = await AuditAsync(database, acknowledged.ToList());
        // The figures for docs/reliability.md, beside the screenshots.
        var figures = $"{DateTimeOffset.UtcNow:u} {provider}: {Cycles} kills, {acknowledged.Count} posts acknowledged, {retries} retries, " +
            $"outage median {outages.Order().ElementAt(outages.Count / 2).TotalMilliseconds:F0} ms, longest {outages.Max().TotalMilliseconds:F0} ms; {audit}";
        TestContext.Current.TestOutputHelper?.WriteLine(figures);
        Directory.CreateDirectory(Path.GetDirectoryName(Screenshots.Directory)!);
        await File.AppendAllTextAsync(Path.Combine(Path.GetDirectoryName(Screenshots.Directory)!, "reliability.txt"), figures + "\n", Cancel);
    }

    private static async Task<(string Token, List<string> Channels)> SetUpAsync(Database database)
    {
        await using var services = database.Services();
        await DatabaseSetup.MigrateAsync(services, Cancel);
        var send = services.GetRequiredService<Sender>();
        var owner = await send.Send(new SetUpWorkspace(People.WorkspaceName, People.Owner.Name, People.Owner.Email, People.Owner.Password), Cancel);
        var invite = await send.Send(new CreateInvite(owner), Cancel);
        await send.Send(new AcceptInvite(invite.Token, "Ann", "ann@example.com", "a long enough password"), Cancel);
        List<string> channels = ["general"];
        foreach (var name in new[] { "ops", "deploys", "random" })
        {
            var channel = await send.Send(new CreateChannel(owner, name, IsPrivate: false), Cancel);
            await send.Send(new AddChannelMember(owner, channel.Id, "ann"), Cancel);
            channels.Add(name);
        }
        return ((await send.Send(new CreateAccessToken(owner, "crash test"), Cancel)).Token, channels);
    }

    private static async Task<string> AuditAsync(Database database, List<Acknowledged> acknowledged)
    {
        await using var services = database.Services();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
        var stored = await db.Messages.AsNoTracking()
            .Join(db.Channels, m => m.ChannelId, c => c.Id, (m, c) => new { m.Id, m.ClientMessageId, m.Seq, m.Text, Channel = c.Name })
            .ToListAsync(Cancel);
        var ann = await db.Users.Where(u => u.Handle == "ann").Select(u => u.Id).SingleAsync(Cancel);
        var mentioned = (await db.Mentions.Where(m => m.UserId == ann).Select(m => m.MessageId).ToListAsync(Cancel)).ToHashSet();

        // Every acknowledged post is there once, as acknowledged; nothing is there that was not acknowledged.
        Assert.Equal(acknowledged.Count, acknowledged.Select(a => a.ClientMessageId).Distinct().Count());
        Assert.Equal(acknowledged.Count, stored.Count);
        var byClientId = stored.ToDictionary(m => m.ClientMessageId);
        foreach (var post in acknowledged)
        {
            var message = byClientId[post.ClientMessageId];
            Assert.Equal((post.MessageId, post.Channel, post.Seq, post.Text), (message.Id, message.Channel, message.Seq, message.Text));
        }
        // Each channel's seq runs 1, 2, 3… without a gap, up to the channel's counter.
        var counters = await db.Channels.ToDictionaryAsync(c => c.Name, c => c.LastSeq, Cancel);
        foreach (var channel in stored.GroupBy(m => m.Channel))
            Assert.Equal(Enumerable.Range(1, (int)counters[channel.Key]).Select(i => (long)i), channel.Select(m => m.Seq).Order());
        // No message without its mentions.
        var shouldMention = stored.Where(m => m.Text.EndsWith("@ann", StringComparison.Ordinal)).ToList();
        Assert.All(shouldMention, m => Assert.Contains(m.Id, mentioned));
        return $"audit passed: {stored.Count} messages in {counters.Count} channels, {shouldMention.Count} with their mention";
    }

    private sealed record Acknowledged(Guid ClientMessageId, Guid MessageId, string Channel, long Seq, string Text);

    /// <summary>A database of the test's own: a SQLite file, or a PostgreSQL database on test.sh's server.</summary>
    private sealed class Database : IAsyncDisposable
    {
        private readonly PostgresDatabase? postgres;
        private readonly string? file;

        private Database(PostgresDatabase? postgres, string? file)
        {
            this.postgres = postgres;
            this.file = file;
        }

        public (string Key, string Value)[] Settings => postgres?.Settings
            ?? [("Database:Provider", "Sqlite"), ("ConnectionStrings:Workspace", $"Data Source={file}")];

        public static async Task<Database> CreateAsync(string provider) => provider == "postgres"
            ? new Database(await PostgresDatabase.CreateAsync(), null)
            : new Database(null, Path.Combine(Path.GetTempPath(), $"workspace-crash-{Guid.NewGuid():N}.db"));

        /// <summary>The domain on this database, for setting it up and auditing it from outside the app.</summary>
        public ServiceProvider Services()
        {
            var services = new ServiceCollection().AddLogging();
            var settings = Settings.ToDictionary(s => s.Key, s => s.Value);
            services.AddWorkspaceDomain(Enum.Parse<DatabaseProvider>(settings["Database:Provider"]), settings["ConnectionStrings:Workspace"]);
            return services.BuildServiceProvider();
        }

        public async ValueTask DisposeAsync()
        {
            if (postgres is not null)
                await postgres.DisposeAsync();
            if (file is null)
                return;
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(file + suffix);
        }
    }
}
