using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Workspace.E2E.Support;

/// <summary>
/// Debian's nginx in front of several nodes, as docs/scaling.md sets it up: WebSockets passed through, no buffering, and
/// sticky sessions. Open-source nginx has no sticky cookie of its own, so the first answer sets one naming the node
/// that served it (round robin), and later requests with it go to that node.
/// </summary>
public sealed class Nginx : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/nginx";
    public const string NodeCookie = "workspace_node";

    private readonly string directory;
    private readonly Process process;

    private Nginx(int port, string directory, Process process)
    {
        Port = port;
        this.directory = directory;
        this.process = process;
    }

    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public static async Task<Nginx> StartAsync(IEnumerable<Uri> nodes)
    {
        if (!File.Exists(Binary))
        {
            var why = $"nginx is not installed at {Binary} (./test.sh installs it when run as root).";
            if (Environment.GetEnvironmentVariable("CI") is "true" or "1")
                Assert.Fail(why);
            Assert.Skip(why);
        }
        var port = FreePort();
        var directory = Path.Combine(Path.GetTempPath(), $"workspace-nginx-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var servers = string.Join("\n", nodes.Select(n => $"        server 127.0.0.1:{n.Port};"));
        var config = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            worker_processes 1;
            error_log {{directory}}/error.log warn;
            pid {{directory}}/nginx.pid;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{directory}}/body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
                map $http_upgrade $connection_upgrade { default upgrade; '' close; }
                upstream workspace {
            {{servers}}
                }
                map $cookie_{{NodeCookie}} $node { ~^(127\.0\.0\.1:\d+)$ $1; default workspace; }
                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        proxy_pass http://$node;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_read_timeout 1h;
                        proxy_buffering off;
                        add_header Set-Cookie "{{NodeCookie}}=$upstream_addr; Path=/; HttpOnly; SameSite=Lax" always;
                    }
                }
            }
            """);
        var process = Process.Start(new ProcessStartInfo(Binary, ["-c", config, "-p", directory, "-g", "daemon off;"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("nginx did not start.");
        var nginx = new Nginx(port, directory, process);
        await nginx.WaitUntilListeningAsync();
        return nginx;
    }

    private async Task WaitUntilListeningAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"nginx exited: {await process.StandardError.ReadToEndAsync()} {File.ReadAllText(Path.Combine(directory, "error.log"))}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (attempt < 200)
            {
                await Task.Delay(25);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        process.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
