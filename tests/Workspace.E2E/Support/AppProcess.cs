using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Workspace.E2E.Support;

/// <summary>
/// The app as its own process, started the way the container starts it (<c>dotnet Workspace.Web.dll</c>, settings from
/// the environment), so that a test can kill it outright (SIGKILL) as a crash or the OOM killer would.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly string Dll = typeof(Program).Assembly.Location;
    private readonly Dictionary<string, string> environment;
    private Process? process;

    public AppProcess(IEnumerable<(string Key, string Value)> settings)
    {
        Port = FreePort();
        environment = settings.ToDictionary(s => s.Key.Replace(":", "__"), s => s.Value);
        environment["ASPNETCORE_HTTP_PORTS"] = Port.ToString();
        environment["Logging__LogLevel__Default"] = "Warning";
    }

    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>Starts the process and returns once it answers <c>/healthz</c>.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet", [Dll])
        {
            WorkingDirectory = Path.GetDirectoryName(Dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The app exited with {process.ExitCode} while starting.");
            try
            {
                if ((await client.GetAsync("/healthz", patience.Token)).IsSuccessStatusCode)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException || e is TaskCanceledException && !patience.IsCancellationRequested)
            {
                // Not listening yet, or busy starting.
            }
            await Task.Delay(50, patience.Token);
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush, nothing finishes.</summary>
    public async Task KillAsync()
    {
        if (process is null)
            return;
        process.Kill();
        await process.WaitForExitAsync();
        process.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync() => await KillAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
