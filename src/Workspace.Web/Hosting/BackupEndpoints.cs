using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Workspace.Domain.Admin;
using Workspace.Domain.Common;
using Workspace.Domain.Pipeline;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Hosting;

public static class BackupEndpoints
{
    /// <summary>
    /// The Backup page's button: a fresh archive (see <see cref="BackUpWorkspace"/>) streamed as a download. A form
    /// post with an antiforgery token, since each one writes a file and an audit entry.
    /// </summary>
    public static void MapBackupEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/admin/backup/download", async (HttpContext context, Sender sender, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            if (Viewer.IdFrom(context.User) is not { } id)
                return Results.Forbid();
            string archive;
            try
            {
                archive = await sender.Send(new BackUpWorkspace(id), cancellationToken);
            }
            catch (ForbiddenException)
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
            catch (DomainException e)
            {
                return Results.Problem(e.Message, statusCode: StatusCodes.Status409Conflict);
            }
            // The archive is this download's own copy: it goes once sent, or once the download is dropped.
            var stream = new FileStream(archive, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920,
                FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            return Results.File(stream, "application/zip", $"workspace-backup-{clock.GetUtcNow():yyyy-MM-dd-HHmmss}.zip");
        })
        .RequireAuthorization(AdminPolicy.Name)
        .WithMetadata(new RequireAntiforgeryTokenAttribute())
        // A refusal re-executed as the "Nothing here" page would be a POST to a page without the page's token, which
        // answers 400; a plain 403 says what happened.
        .WithMetadata(new SkipStatusCodePagesAttribute());
}
