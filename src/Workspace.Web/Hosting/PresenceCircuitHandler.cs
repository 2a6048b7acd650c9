using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Workspace.Domain.Realtime;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Hosting;

/// <summary>A person is online while any of their pages holds a live connection.</summary>
public sealed class PresenceCircuitHandler(Presence presence, AuthenticationStateProvider authentication) : CircuitHandler
{
    private Guid? _userId;

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (_userId is not null)
            return;
        _userId = Viewer.IdFrom((await authentication.GetAuthenticationStateAsync()).User);
        if (_userId is { } id)
            presence.Connected(id);
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (_userId is { } id)
            presence.Disconnected(id);
        _userId = null;
        return Task.CompletedTask;
    }
}
