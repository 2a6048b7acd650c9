using System.Collections.Concurrent;
using Mediator;
using Microsoft.Extensions.Options;
using Workspace.Domain.Authorization;
using Workspace.Domain.Common;

namespace Workspace.Domain.Pipeline;

/// <summary>A command that costs one token of its actor's sending budget (posting, in any form).</summary>
public interface IRateLimited : IActorRequest;

/// <summary>Too many in too short a time; nothing was done. <see cref="RetryAfter"/> says when one more will pass.</summary>
public sealed class RateLimitedException(TimeSpan retryAfter)
    : DomainException("You are sending messages too fast. Wait a moment, then try again.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>Configuration section <c>RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>How many messages one person may send at once.</summary>
    public int MessageBurst { get; set; } = 20;

    /// <summary>How fast that allowance comes back.</summary>
    public double MessagesPerSecond { get; set; } = 5;

    /// <summary>API calls per caller and minute (enforced by the host).</summary>
    public int ApiRequestsPerMinute { get; set; } = 200;
}

/// <summary>
/// Each person's sending budget: a token bucket of <see cref="RateLimitOptions.MessageBurst"/> that refills at
/// <see cref="RateLimitOptions.MessagesPerSecond"/>, kept in memory per node. It sits in the command pipeline, so the
/// pages, the API and webhooks share one budget.
/// </summary>
public sealed class RateLimits(TimeProvider clock, IOptions<RateLimitOptions> options)
{
    private readonly ConcurrentDictionary<Guid, Bucket> _buckets = new();

    /// <summary>Takes a token for <paramref name="actorId"/>, or says how long until there is one.</summary>
    public TimeSpan? TryTake(Guid actorId)
    {
        // Credit is kept in ticks of time, not fractions of a message, so refills add up exactly.
        var perToken = (long)(TimeSpan.TicksPerSecond / options.Value.MessagesPerSecond);
        var full = perToken * options.Value.MessageBurst;
        var bucket = _buckets.GetOrAdd(actorId, _ => new Bucket(full, clock.GetTimestamp()));
        lock (bucket)
        {
            var now = clock.GetTimestamp();
            bucket.Credit = Math.Min(full, bucket.Credit + clock.GetElapsedTime(bucket.Since, now).Ticks);
            bucket.Since = now;
            if (bucket.Credit < perToken)
                return TimeSpan.FromTicks(perToken - bucket.Credit);
            bucket.Credit -= perToken;
            return null;
        }
    }

    private sealed class Bucket(long credit, long since)
    {
        public long Credit { get; set; } = credit;
        public long Since { get; set; } = since;
    }
}

/// <summary>Refuses a rate-limited command over its actor's budget, after authorization and before anything else.</summary>
public sealed class RateLimitBehavior<TMessage, TResponse>(RateLimits limits) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken) =>
        message is IRateLimited limited && limits.TryTake(limited.ActorId) is { } wait
            ? throw new RateLimitedException(wait)
            : next(message, cancellationToken);
}
