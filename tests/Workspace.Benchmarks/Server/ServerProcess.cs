using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Workspace.Benchmarks.Server;

/// <summary>
/// A server under test as its own process (<c>dotnet X.dll</c>, settings from the environment, as the container runs
/// the app), pinned to one core with taskset so that it competes with nothing the generator does.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;

    private ServerProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }
    public int Pid => process.Id;
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>Starts <paramref name="dll"/> with <paramref name="arguments"/> and returns once <paramref name="readyPath"/> answers.</summary>
    public static async Task<ServerProcess> StartAsync(string dll, IEnumerable<string> arguments, IEnumerable<(string Key, string Value)> settings,
        int? core, string readyPath, CancellationToken cancel)
    {
        var port = FreePort();
        // taskset execs the command, so the pid is the server's own.
        var start = core is { } pinned
            ? new ProcessStartInfo("taskset", ["-c", pinned.ToString(), "dotnet", dll, .. arguments])
            : new ProcessStartInfo("dotnet", [dll, .. arguments]);
        start.WorkingDirectory = Path.GetDirectoryName(dll)!;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__")] = value;
        start.Environment["ASPNETCORE_HTTP_PORTS"] = port.ToString();
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var errors = new List<string>();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
                lock (errors)
                    errors.Add(text);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new ServerProcess(process, port);
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        patience.CancelAfter(TimeSpan.FromSeconds(90));
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{Path.GetFileName(dll)} exited with {process.ExitCode} while starting: {string.Join('\n', errors.TakeLast(20))}");
            try
            {
                if ((await client.GetAsync(readyPath, patience.Token)).IsSuccessStatusCode)
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
        var line = File.ReadLines($"/proc/{Pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
