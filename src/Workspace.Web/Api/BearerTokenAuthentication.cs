using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Profiles;

namespace Workspace.Web.Api;

/// <summary>
/// <c>Authorization: Bearer {token}</c> with a personal access token (or, later, a bot's). Only the API uses it:
/// a browser's cookie never authorizes an API call, so no other site can make one on a signed-in person's behalf.
/// </summary>
public sealed class BearerTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, Sender sender) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var userId = await sender.Send(new AuthenticateAccessToken(header["Bearer ".Length..].Trim()), Context.RequestAborted);
        if (userId is not { } id)
            return AuthenticateResult.Fail("The token is not valid: it is unknown, revoked, or its owner was deactivated.");
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id.ToString())], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = SchemeName;
        await Results.Problem(
                result.Failure?.Message ?? "Send a personal access token as 'Authorization: Bearer {token}'. Make one on your profile page.",
                statusCode: StatusCodes.Status401Unauthorized)
            .ExecuteAsync(Context);
    }
}
