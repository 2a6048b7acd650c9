using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Pipeline;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Hosting;

public static class AccountEndpoints
{
    public const string LastChannelCookie = "workspace.last-channel";

    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // The setup gate has already sent a first-run visitor to /setup.
        app.MapGet("/", async (HttpContext context, Sender sender, CancellationToken cancellationToken) =>
        {
            if (Viewer.IdFrom(context.User) is not { } id)
                return Results.Redirect("/login");
            var last = context.Request.Cookies[LastChannelCookie];
            if (!string.IsNullOrEmpty(last))
                return Results.Redirect($"/c/{Uri.EscapeDataString(last)}");
            // Everyone but a guest is in #general; a guest starts in the first channel it was added to.
            try
            {
                var first = (await sender.Send(new GetSidebar(id), cancellationToken))
                    .Where(c => !c.IsDirect).Select(c => c.Name).FirstOrDefault();
                return Results.Redirect($"/c/{Uri.EscapeDataString(first ?? Channel.General)}");
            }
            catch (ForbiddenException)
            {
                return Results.Redirect("/login");
            }
        });

        // A form post with an antiforgery token, so that no other site can sign people out.
        app.MapPost("/logout", async ([FromServices] SignInManager<User> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
    }

    /// <summary>/healthz: the process is up (liveness). /readyz: it can serve requests (see <see cref="Readiness"/>).</summary>
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (Workspace.Domain.Persistence.WorkspaceDb db, CancellationToken cancellationToken) =>
            await db.Database.CanConnectAsync(cancellationToken)
                ? Results.Text("ok")
                : Results.Problem("The database cannot be reached.", statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/readyz", async (Readiness readiness, Workspace.Domain.Persistence.WorkspaceDb db, CancellationToken cancellationToken) =>
            await readiness.ProblemAsync(db, cancellationToken) is { } problem
                ? Results.Problem(problem, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready")
                : Results.Text("ready"));
    }
}
