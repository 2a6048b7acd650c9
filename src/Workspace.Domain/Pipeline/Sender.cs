using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Workspace.Domain.Pipeline;

/// <summary>
/// What the UI and the API send commands and queries through. Each one runs in a DI scope of its own, so it
/// gets a fresh DbContext even inside a long-lived Blazor circuit.
/// </summary>
public sealed class Sender(IServiceScopeFactory scopes)
{
    public async ValueTask<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, cancellationToken);
    }

    public async ValueTask<TResponse> Send<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query, cancellationToken);
    }
}
