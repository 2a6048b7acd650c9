using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Workspace.Benchmarks.Server;

/// <summary>
/// A .NET program run as its own process (<c>dotnet X.dll</c>), pinned to one core with taskset when asked: the app
/// as the container runs it (settings from the environment), or this suite's own raw-insert worker.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ServerProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => process.Id;

    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    public static ServerProcess Start(string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, int? core)
    {
        var start = core is { } pinned
            ? new ProcessStartInfo("taskset", ["-c", pinned.ToString(), "dotnet", dll, .. arguments])
            : new ProcessStartInfo("dotnet", [dll, .. arguments]);
        start.WorkingDirectory = Path.GetDirectoryName(dll)!;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        foreach (var (key, value) in environment)
            start.Environment[key.Replace(":", "__")] = value;
        return new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException($"{dll} did not start."));
    }

    /// <summary>The Dockerfile's young-generation budget for the collector, and the variable it sets it with.</summary>
    public const string ContainerGcGen0Size = "0x10000000";
    public const string GcGen0SizeVariable = "DOTNET_GCgen0size";

    /// <summary>The address it serves on, once started by <see cref="StartServingAsync"/>.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>Starts the app on a free port; returns once it answers <c>/healthz</c>.</summary>
    public static async Task<(ServerProcess Server, Uri Address)> StartAppAsync(IEnumerable<(string Key, string Value)> settings,
        int? core, CancellationToken cancel, string? dll = null)
    {
        var server = await StartServingAsync(dll ?? Scenarios.BenchContext.ServerDll, [], settings, core, cancel);
        return (server, server.BaseAddress);
    }

    /// <summary>Starts a web program (the app, or this suite's SignalR baseline) on a free port; returns once it answers <c>/healthz</c>.</summary>
    public static async Task<ServerProcess> StartServingAsync(string dll, IEnumerable<string> arguments,
        IEnumerable<(string Key, string Value)> settings, int? core, CancellationToken cancel)
    {
        var port = FreePort();
        var environment = settings.ToDictionary(s => s.Key, s => s.Value);
        environment["ASPNETCORE_HTTP_PORTS"] = port.ToString();
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["Logging:LogLevel:Default"] = "Warning";
        // As the Dockerfile sets it: the runtime reads it only from the environment (docs/self-hosting.md).
        environment.TryAdd(GcGen0SizeVariable, ContainerGcGen0Size);
        var server = Start(dll, arguments, environment, core);
        server.BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        patience.CancelAfter(TimeSpan.FromSeconds(90));
        while (true)
        {
            if (server.process.HasExited)
                throw new InvalidOperationException($"{Path.GetFileName(dll)} exited with {server.process.ExitCode} while starting:\n{server.Output}");
            try
            {
                if ((await client.GetAsync("/healthz", patience.Token)).IsSuccessStatusCode)
                    return server;
            }
            catch (Exception e) when (e is HttpRequestException || e is TaskCanceledException && !patience.IsCancellationRequested)
            {
                // Not listening yet.
            }
            await Task.Delay(50, patience.Token);
        }
    }

    /// <summary>VmRSS from /proc/PID/status, in bytes.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }

    /// <summary>Waits for a worker to finish and returns what it printed; throws when it failed.</summary>
    public async Task<string> RunToEndAsync(CancellationToken cancel)
    {
        await process.WaitForExitAsync(cancel);
        process.WaitForExit(); // lets the asynchronous output readers drain
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"The worker exited with {process.ExitCode}:\n{Output}");
        return Output;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
