using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Workspace.Web.Hosting;

/// <summary>
/// Checks a session cookie's security stamp (on every request: see Program.cs) in a DI scope of its own. Identity's
/// check takes its sign-in manager, and with it a database context, from the request's services, which keep both until
/// the request ends; a Blazor circuit's WebSocket is one request for as long as the person stays connected, so each
/// connected person held a context of ~25 KB for nothing (docs/benchmarks.md, memory per connected person).
/// </summary>
public static class SessionCheck
{
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var requestServices = http.RequestServices;
        await using var scope = requestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        http.RequestServices = scope.ServiceProvider;
        try
        {
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        }
        finally
        {
            http.RequestServices = requestServices;
        }
    }
}
