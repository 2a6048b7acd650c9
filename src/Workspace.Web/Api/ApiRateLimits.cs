using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Workspace.Domain.Pipeline;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Api;

/// <summary>
/// API calls per caller and minute (sending messages has its own, stricter budget in the command pipeline). A caller
/// over it gets 429 with Retry-After and a problem saying so.
/// </summary>
public static class ApiRateLimits
{
    public const string Policy = "api";

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, context =>
            {
                var perMinute = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.ApiRequestsPerMinute;
                var caller = Viewer.IdFrom(context.User)?.ToString() ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetSlidingWindowLimiter(caller, _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    SegmentsPerWindow = 6,
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(10);
                response.Headers.RetryAfter = Seconds(wait);
                var problems = rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = rejected.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Detail = $"Too many API calls: at most {rejected.HttpContext.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.ApiRequestsPerMinute} a minute. Try again in {Seconds(wait)} seconds.",
                    },
                });
            };
        });

    /// <summary>Whole seconds, rounded up: a client that waits that long gets through.</summary>
    public static string Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
