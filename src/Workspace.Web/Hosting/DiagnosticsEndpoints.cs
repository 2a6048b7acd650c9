using System.Net;
using System.Runtime;

namespace Workspace.Web.Hosting;

/// <summary>
/// <c>POST /diagnostics/gc</c>, for the benchmark suite's memory scenario (docs/benchmarks.md): a full, blocking,
/// compacting collection, then the managed heap and the working set. Measuring memory per circuit needs a heap
/// without garbage, and only the process itself can collect it. Off unless <c>Diagnostics:GcEndpoint</c> is true
/// (environment <c>Diagnostics__GcEndpoint=true</c>), and even then it answers callers on this machine only: a
/// collection stalls every request while it runs.
/// </summary>
public static class DiagnosticsEndpoints
{
    public const string Setting = "Diagnostics:GcEndpoint";

    public static void MapDiagnosticsEndpoints(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>(Setting))
            return;
        app.MapPost("/diagnostics/gc", (HttpContext context) =>
        {
            if (context.Connection.RemoteIpAddress is not { } caller || !IPAddress.IsLoopback(caller))
                return Results.NotFound();
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            return Results.Ok(new GcFigures(GC.GetTotalMemory(forceFullCollection: false), Environment.WorkingSet));
        });
    }

    public sealed record GcFigures(long HeapBytes, long WorkingSetBytes);
}
