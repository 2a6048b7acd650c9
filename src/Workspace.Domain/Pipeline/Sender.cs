using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Pipeline;

/// <summary>
/// What the UI and the API send commands and queries through. Each one runs in a DI scope of its own, so it
/// gets a fresh DbContext even inside a long-lived Blazor circuit, and on one connection opened for it: left to
/// itself, EF Core opens and closes the connection around every query, half a dozen times per post. A short
/// request may ask for one scope for all it sends (<see cref="ShareOneScope"/>).
/// </summary>
public sealed class Sender(IServiceScopeFactory scopes)
{
    private static readonly AsyncLocal<SharedScope?> Shared = new();

    public ValueTask<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default) =>
        InScopeAsync(mediator => mediator.Send(command, cancellationToken), cancellationToken);

    public ValueTask<TResponse> Send<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default) =>
        InScopeAsync(mediator => mediator.Send(query, cancellationToken), cancellationToken);

    /// <summary>
    /// Until the answer is disposed, what this flow sends (and the code it awaits: an API call's authentication, then
    /// its endpoint) runs in one scope on one connection, so the token check's scope, connection and caller serve the
    /// call too. For short requests only: the scope's context holds what every send loaded until the end.
    /// </summary>
    public IAsyncDisposable ShareOneScope() => Shared.Value = new SharedScope(scopes);

    private async ValueTask<TResponse> InScopeAsync<TResponse>(Func<IMediator, ValueTask<TResponse>> send,
        CancellationToken cancellationToken)
    {
        if (Shared.Value is { } shared && shared.TryEnter())
            return await shared.SendAsync(send, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await send(scope.ServiceProvider.GetRequiredService<IMediator>());
        }
        finally
        {
            await CloseAsync(db);
        }
    }

    /// <summary>
    /// Closed here rather than left to the scope: a pooled context goes back to its pool without telling interceptors,
    /// and SQLite's write gate (<see cref="SqliteWriteGate"/>) learns from this close that a transaction the command
    /// abandoned has ended.
    /// </summary>
    private static Task CloseAsync(WorkspaceDb db) => db.Database.CloseConnectionAsync();

    /// <summary>
    /// One scope for several sends, one at a time. A send that finds it busy or ended (work the flow started and left
    /// running) takes a scope of its own; one still running when the flow ends closes it as it finishes. A send that
    /// fails closes the scope, as a scope of its own would have been closed: nothing the failed command tracked or noted
    /// is left for the next send to save, and SQLite's write gate is let go at once (<see cref="SqliteWriteGate"/>).
    /// The next send opens a new one.
    /// </summary>
    private sealed class SharedScope(IServiceScopeFactory scopes) : IAsyncDisposable
    {
        private AsyncServiceScope? scope;
        private int busy;
        private volatile bool ended;

        public bool TryEnter() => !ended && Interlocked.CompareExchange(ref busy, 1, 0) == 0;

        public async ValueTask<TResponse> SendAsync<TResponse>(Func<IMediator, ValueTask<TResponse>> send, CancellationToken cancellationToken)
        {
            try
            {
                var open = scope ??= await OpenAsync(cancellationToken);
                try
                {
                    return await send(open.ServiceProvider.GetRequiredService<IMediator>());
                }
                catch
                {
                    await CloseAsync();
                    throw;
                }
            }
            finally
            {
                Interlocked.Exchange(ref busy, 0);
                if (ended && Interlocked.CompareExchange(ref busy, 1, 0) == 0)
                    await CloseAsync();
            }
        }

        public async ValueTask DisposeAsync()
        {
            ended = true;
            if (Interlocked.CompareExchange(ref busy, 1, 0) == 0)
                await CloseAsync();
        }

        private async Task<AsyncServiceScope> OpenAsync(CancellationToken cancellationToken)
        {
            var fresh = scopes.CreateAsyncScope();
            try
            {
                await fresh.ServiceProvider.GetRequiredService<WorkspaceDb>().Database.OpenConnectionAsync(cancellationToken);
                return fresh;
            }
            catch
            {
                await fresh.DisposeAsync();
                throw;
            }
        }

        private async Task CloseAsync()
        {
            if (scope is not { } open)
                return;
            scope = null;
            try
            {
                await Sender.CloseAsync(open.ServiceProvider.GetRequiredService<WorkspaceDb>());
            }
            finally
            {
                await open.DisposeAsync();
            }
        }
    }
}
