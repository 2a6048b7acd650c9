using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Workspace.Domain.Pipeline;

namespace Workspace.Web.Api;

/// <summary>
/// What every /api and /hooks request shares: a body limit, problem details (never the HTML error pages) for whatever
/// refusal happens before an endpoint answers: an oversized or malformed body, an unknown path; and one scope for what
/// the call sends, its token check included, unless it is <see cref="LongLived"/>.
/// </summary>
public sealed class ApiRequests(RequestDelegate next, Sender sender)
{
    /// <summary>
    /// An endpoint that may hold its request open for hours: each of its sends takes a scope of its own, so an open
    /// stream holds no pooled context and no connection between reads (on PostgreSQL, a server process each).
    /// </summary>
    public sealed class LongLived;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/hooks"))
        {
            await next(context);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = ApiEndpoints.MaxBodyBytes;
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            statusPages.Enabled = false;

        await using (context.GetEndpoint()?.Metadata.GetMetadata<LongLived>() is null ? sender.ShareOneScope() : null)
            await next(context);

        if (context.Response.HasStarted || context.Response.StatusCode < 400 || context.Response.ContentLength > 0)
            return;
        // Problem JSON whatever the client accepts: an event-stream client refused before its stream starts gets it too.
        await Results.Problem(Detail(context.Response.StatusCode), statusCode: context.Response.StatusCode).ExecuteAsync(context);
    }

    private static string? Detail(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request body is not the JSON this call takes.",
        StatusCodes.Status404NotFound => "There is no such API call.",
        StatusCodes.Status405MethodNotAllowed => "This API call does not take that method.",
        StatusCodes.Status413PayloadTooLarge => $"Request bodies are at most {ApiEndpoints.MaxBodyBytes / 1024} KB.",
        StatusCodes.Status415UnsupportedMediaType => "Send the request body as application/json.",
        _ => null,
    };
}
