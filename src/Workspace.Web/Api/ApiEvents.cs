using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Workspace.Domain.Common;
using Workspace.Domain.EventLog;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Profiles;
using Workspace.Domain.Realtime;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Workspace.Web.Api;

/// <summary>Configuration section <c>Events</c>.</summary>
public sealed class EventStreamOptions
{
    public const string Section = "Events";

    /// <summary>How often an idle stream sends a comment, so proxies keep it open and clients notice a dead one.</summary>
    public int HeartbeatSeconds { get; set; } = 15;
}

/// <summary>
/// <c>GET /api/v1/events</c>: the durable event log (<see cref="GetEvents"/>) as a server-sent event stream, or with
/// <c>wait</c> as a long poll. The log is the record and numbers events in commit order, so resuming after an id (the
/// <c>Last-Event-ID</c> a client sends on reconnecting, or <c>after</c>) misses nothing and repeats nothing, across
/// server restarts. Live events only wake the reader; what it sends always comes from the log.
/// </summary>
public static class ApiEvents
{
    /// <summary>Longest long poll: proxies commonly end idle requests after 60 seconds.</summary>
    public const int MaxWaitSeconds = 60;

    public static void MapApiEvents(this RouteGroupBuilder api) =>
        api.MapGet("/events", EventsAsync).WithName("GetEvents").WithTags("Events")
            .WithSummary("The caller's events as text/event-stream (resume with Last-Event-ID or after), or with wait a long poll answering JSON.")
            .Produces<ApiEventPage>(StatusCodes.Status200OK, "application/json", "text/event-stream")
            .WithMetadata(new ApiRequests.LongLived());

    private static async Task<IResult> EventsAsync(HttpContext context, string? after, string? wait, Sender sender, IChatEvents chatEvents,
        EventLogTail tail, IOptions<EventStreamOptions> options, IOptions<JsonOptions> json, IHostApplicationLifetime lifetime, CancellationToken requestAborted)
    {
        // A stopping server ends its streams at once rather than holding the shutdown; clients resume on the next one.
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping);
        var cancellationToken = ending.Token;
        var caller = ApiEndpoints.Caller(context);
        var resumeAfter = EventId(context.Request.Headers["Last-Event-ID"].ToString(), "Last-Event-ID") ?? EventId(after, "after");
        if (wait is not null)
        {
            if (!int.TryParse(wait, out var seconds) || seconds is < 0 or > MaxWaitSeconds)
                throw new InvalidInputException([$"wait is a number of seconds from 0 to {MaxWaitSeconds}."]);
            return TypedResults.Ok(await LongPollAsync(sender, chatEvents, caller, resumeAfter, TimeSpan.FromSeconds(seconds), cancellationToken));
        }
        // Read before answering, so a bad position gets a problem response rather than a stream that ends at once.
        var first = await sender.Send(new GetEvents(caller, resumeAfter), cancellationToken);
        var stream = new Stream(context, sender, chatEvents, tail, caller, TimeSpan.FromSeconds(options.Value.HeartbeatSeconds), json.Value.SerializerOptions);
        await stream.RunAsync(first, cancellationToken);
        return Results.Empty;
    }

    private static long? EventId(string? value, string name)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        return long.TryParse(value, out var id)
            ? id
            : throw new InvalidInputException([$"{name} is not an id this stream sent: ids are whole numbers."]);
    }

    private static async Task<ApiEventPage> LongPollAsync(Sender sender, IChatEvents chatEvents, Guid caller, long? after,
        TimeSpan wait, CancellationToken cancellationToken)
    {
        var page = await sender.Send(new GetEvents(caller, after), cancellationToken);
        if (after is null || page.Events.Count > 0 || wait <= TimeSpan.Zero)
            return ApiEventPage.From(page);

        using var wakeUp = new WakeUp(chatEvents, caller);
        wakeUp.Follow(page.Channels);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(wait);
        // Following began after that read: read once more before waiting, so nothing committed in between waits for a wake.
        page = await sender.Send(new GetEvents(caller, page.Cursor), cancellationToken);
        while (page.Events.Count == 0 && await wakeUp.WaitAsync(deadline.Token) is not null)
        {
            page = await sender.Send(new GetEvents(caller, page.Cursor), cancellationToken);
            wakeUp.Follow(page.Channels);
        }
        return ApiEventPage.From(page);
    }

    private sealed class Stream(HttpContext context, Sender sender, IChatEvents chatEvents, EventLogTail tail, Guid caller,
        TimeSpan heartbeat, JsonSerializerOptions json)
    {
        private readonly HttpResponse response = context.Response;
        private long wokenAt;
        private long checkedAt = Stopwatch.GetTimestamp();
        private TimeSpan checkEvery = NextCheck(heartbeat);

        public async Task RunAsync(EventPage page, CancellationToken cancellationToken)
        {
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
            // nginx would otherwise hold events back in its buffer.
            response.Headers["X-Accel-Buffering"] = "no";
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            // Reconnect soon after a drop; Last-Event-ID then resumes exactly.
            await WriteAsync(Retry, cancellationToken);

            using var wakeUp = new WakeUp(chatEvents, caller);
            try
            {
                while (true)
                {
                    if (page.Events.Count > 0)
                        await WriteAsync(page.Events, cancellationToken);
                    var followsMore = wakeUp.Follow(page.Channels);
                    // A busy stream never waits out a heartbeat, so it checks its token here too.
                    if (UntilCheck() <= TimeSpan.Zero && !await StillAllowedAsync(cancellationToken))
                        return;
                    // A full page means more are waiting; a newly followed channel may have had events before following began.
                    var caughtUp = page.Events.Count < GetEvents.MaxLimit && !followsMore;
                    if (caughtUp && !await WaitAsync(wakeUp, cancellationToken))
                        return;
                    var shared = caughtUp ? await tail.ReadAsync(caller, page.Cursor, page.Channels, wokenAt, cancellationToken) : null;
                    page = shared ?? await sender.Send(new GetEvents(caller, page.Cursor), cancellationToken);
                }
            }
            catch (DomainException)
            {
                // Deactivated while listening: the stream ends, and reconnecting is refused with 401.
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
        }

        /// <summary>Waits for something to read; false when the caller's token stopped working meanwhile.</summary>
        private async Task<bool> WaitAsync(WakeUp wakeUp, CancellationToken cancellationToken)
        {
            while (true)
            {
                using var beat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                beat.CancelAfter(UntilCheck() is var due && due > TimeSpan.Zero ? due : TimeSpan.Zero);
                if (await wakeUp.WaitAsync(beat.Token) is { } publishedAt)
                {
                    wokenAt = publishedAt;
                    return true;
                }
                cancellationToken.ThrowIfCancellationRequested();
                await WriteAsync(Heartbeat, cancellationToken);
                if (!await StillAllowedAsync(cancellationToken))
                    return false;
            }
        }

        private TimeSpan UntilCheck() => checkEvery - Stopwatch.GetElapsedTime(checkedAt);

        /// <summary>
        /// Whether the token still names the caller: neither revoked nor its owner deactivated. Asked about once a
        /// heartbeat whether the stream is busy or quiet; what the stream sends is filtered by the caller's channels anyway.
        /// </summary>
        private async Task<bool> StillAllowedAsync(CancellationToken cancellationToken)
        {
            var allowed = await sender.Send(new AuthenticateAccessToken(BearerToken()), cancellationToken) == caller;
            checkedAt = Stopwatch.GetTimestamp();
            checkEvery = NextCheck(heartbeat);
            return allowed;
        }

        /// <summary>
        /// Between half a heartbeat and a whole one, at random: streams opened together (every client reconnecting after a
        /// restart) would otherwise all check at once every heartbeat, a thousand queries in a burst that holds up the
        /// events sent meanwhile.
        /// </summary>
        private static TimeSpan NextCheck(TimeSpan heartbeat) => heartbeat * (0.5 + Random.Shared.NextDouble() / 2);

        private string BearerToken() => context.Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();

        /// <summary>The page's events in one write and one flush, each formatted once for every stream that sends it.</summary>
        private async Task WriteAsync(IReadOnlyList<StreamEvent> events, CancellationToken cancellationToken)
        {
            foreach (var streamEvent in events)
                await response.Body.WriteAsync(Formatted.GetValue(streamEvent, e => Format(e, json)), cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
        }

        private async Task WriteAsync(byte[] text, CancellationToken cancellationToken)
        {
            await response.Body.WriteAsync(text, cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
        }
    }

    private static readonly byte[] Retry = "retry: 2000\n\n"u8.ToArray();
    private static readonly byte[] Heartbeat = ": heartbeat\n\n"u8.ToArray();

    /// <summary>
    /// Events as sent, kept while the event is: streams answered from the shared tail (<see cref="EventLogTail"/>) hold
    /// the same event objects, so a post that a thousand streams send is formatted once, not a thousand times.
    /// </summary>
    private static readonly ConditionalWeakTable<StreamEvent, byte[]> Formatted = [];

    private static byte[] Format(StreamEvent streamEvent, JsonSerializerOptions json) =>
        Encoding.UTF8.GetBytes($"id: {streamEvent.Id}\nevent: {streamEvent.Kind}\ndata: {JsonSerializer.Serialize(ApiEvent.From(streamEvent), json)}\n\n");

    /// <summary>
    /// Live events of the caller's channels and of the caller only wake the reader; several at once wake it once, with
    /// the moment the newest of them was published.
    /// </summary>
    private sealed class WakeUp : IDisposable
    {
        private readonly Channel<long> signal = Channel.CreateBounded<long>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        private readonly IChatSubscription subscription;
        private readonly HashSet<Guid> channels = [];

        public WakeUp(IChatEvents chatEvents, Guid caller)
        {
            subscription = chatEvents.Subscribe(_ =>
            {
                signal.Writer.TryWrite(Stopwatch.GetTimestamp());
                return Task.CompletedTask;
            });
            subscription.Follow(ChatEvent.UserStream(caller));
        }

        /// <summary>Follows exactly these channels; true when it follows one it did not before.</summary>
        public bool Follow(IReadOnlyList<Guid> current)
        {
            var added = false;
            foreach (var gone in channels.Except(current).ToList())
            {
                subscription.Unfollow(ChatEvent.ChannelStream(gone));
                channels.Remove(gone);
            }
            foreach (var channel in current)
                if (channels.Add(channel))
                {
                    subscription.Follow(ChatEvent.ChannelStream(channel));
                    added = true;
                }
            return added;
        }

        /// <summary>
        /// When the newest event that woke it was published (a <see cref="Stopwatch"/> timestamp), or null when
        /// <paramref name="cancellationToken"/> ended the wait. The shared tail then needs only a read begun after that
        /// moment: taking the moment the stream got to run instead made a thousand streams, resumed one after another
        /// on a busy core, ask for a read each.
        /// </summary>
        public async Task<long?> WaitAsync(CancellationToken cancellationToken)
        {
            try
            {
                return await signal.Reader.ReadAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }

        public void Dispose() => subscription.Dispose();
    }
}
