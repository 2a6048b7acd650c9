using Workspace.Domain.Pipeline;
using Workspace.Domain.Setup;

namespace Workspace.Web.Hosting;

/// <summary>
/// Until the workspace exists every page leads to /setup; afterwards /setup is gone. Once set up, a workspace
/// stays set up, so the answer is remembered and the database asked only until then.
/// </summary>
public sealed class SetupGate(Sender dispatcher) : IMiddleware
{
    private const string SetupPath = "/setup";
    private volatile bool _isSetUp;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path;
        if (IsInfrastructure(path))
        {
            await next(context);
            return;
        }
        var isSetUp = await IsSetUpAsync(context.RequestAborted);
        var onSetup = path.Equals(SetupPath, StringComparison.OrdinalIgnoreCase);
        if (!isSetUp && !onSetup)
            context.Response.Redirect(SetupPath);
        else if (isSetUp && onSetup)
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        else
            await next(context);
    }

    public async ValueTask<bool> IsSetUpAsync(CancellationToken cancellationToken)
    {
        if (!_isSetUp)
            _isSetUp = (await dispatcher.Send(new GetWorkspaceStatus(), cancellationToken)).IsSetUp;
        return _isSetUp;
    }

    private static bool IsInfrastructure(PathString path) =>
        path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_blazor") || path.StartsWithSegments("/_content")
        || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || path.StartsWithSegments(WorkspaceTelemetry.MetricsPath)
        || Path.HasExtension(path.Value);
}
