using System.Net.Http.Json;
using Workspace.Benchmarks.Server;

namespace Workspace.Benchmarks.Memory;

/// <summary>The server's memory after a full collection: its managed heap (as the server reports it) and its VmRSS.</summary>
public sealed record ServerMemory(int Circuits, long HeapBytes, long ResidentBytes)
{
    public const string GcEndpointSetting = "Diagnostics:GcEndpoint";

    public static async Task<ServerMemory> MeasureAsync(HttpClient http, ServerProcess server, int circuits, CancellationToken cancel)
    {
        using var response = await http.PostAsync("diagnostics/gc", null, cancel);
        var figures = (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<GcFigures>(cancel))!;
        return new ServerMemory(circuits, figures.HeapBytes, server.ResidentBytes());
    }

    private sealed record GcFigures(long HeapBytes, long WorkingSetBytes);
}
