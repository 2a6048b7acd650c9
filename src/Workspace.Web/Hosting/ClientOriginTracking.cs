using Microsoft.AspNetCore.Components.Server.Circuits;
using Workspace.Domain.Audit;

namespace Workspace.Web.Hosting;

/// <summary>Tells the audit log which address each HTTP request came from.</summary>
public sealed class ClientOriginMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        ClientOrigin.Address = context.Connection.RemoteIpAddress?.ToString();
        return next(context);
    }
}

/// <summary>
/// The same for a live page: the address is taken when the circuit's connection comes up (the hub's request is
/// the only time there is one) and set around every event the browser sends, which is when commands run.
/// </summary>
public sealed class ClientOriginCircuitHandler(IHttpContextAccessor http) : CircuitHandler
{
    private string? _address;

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _address = http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? _address;
        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(
        Func<CircuitInboundActivityContext, Task> next) => context =>
    {
        ClientOrigin.Address = _address;
        return next(context);
    };
}
