using Microsoft.AspNetCore.Http.HttpResults;
using Workspace.Domain.Common;
using Workspace.Domain.Pipeline;

namespace Workspace.Web.Api;

/// <summary>
/// Turns the domain's refusals into RFC 9457 problem details with the sentence a person would read as <c>detail</c>.
/// Nothing else is caught: anything unexpected stays a 500 and is logged.
/// </summary>
public sealed class ApiProblems : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (InvalidInputException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["errors"] = e.Errors });
        }
        catch (RateLimitedException e)
        {
            context.HttpContext.Response.Headers.RetryAfter = ApiRateLimits.Seconds(e.RetryAfter);
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status429TooManyRequests);
        }
        catch (DomainException e)
        {
            return Problem(e);
        }
    }

    public static ProblemHttpResult Problem(DomainException e) => TypedResults.Problem(e.Message, statusCode: e switch
    {
        NotFoundException => StatusCodes.Status404NotFound,
        GoneException => StatusCodes.Status410Gone,
        // The actor's account went away (deactivated) after the token was checked: as if signed out.
        ForbiddenException { NeedsSignIn: true } => StatusCodes.Status401Unauthorized,
        ForbiddenException => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status409Conflict,
    });
}
