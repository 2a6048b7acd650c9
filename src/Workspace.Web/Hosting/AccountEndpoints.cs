using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Workspace.Domain.Members;

namespace Workspace.Web.Hosting;

public static class AccountEndpoints
{
    public const string LastChannelCookie = "workspace.last-channel";

    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // The setup gate has already sent a first-run visitor to /setup.
        app.MapGet("/", (HttpContext context) =>
        {
            if (context.User.Identity?.IsAuthenticated != true)
                return Results.Redirect("/login");
            var last = context.Request.Cookies[LastChannelCookie];
            return Results.Redirect(string.IsNullOrEmpty(last) ? "/c/general" : $"/c/{Uri.EscapeDataString(last)}");
        });

        // A form post with an antiforgery token, so that no other site can sign people out.
        app.MapPost("/logout", async ([FromServices] SignInManager<User> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
    }

    public static void MapHealthEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", async (Workspace.Domain.Persistence.WorkspaceDb db, CancellationToken cancellationToken) =>
            await db.Database.CanConnectAsync(cancellationToken)
                ? Results.Text("ok")
                : Results.Problem("The database cannot be reached.", statusCode: StatusCodes.Status503ServiceUnavailable));
}
