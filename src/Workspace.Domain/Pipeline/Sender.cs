using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Pipeline;

/// <summary>
/// What the UI and the API send commands and queries through. Each one runs in a DI scope of its own, so it
/// gets a fresh DbContext even inside a long-lived Blazor circuit, and on one connection opened for it: left to
/// itself, EF Core opens and closes the connection around every query, half a dozen times per post.
/// </summary>
public sealed class Sender(IServiceScopeFactory scopes)
{
    public ValueTask<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default) =>
        InScopeAsync(mediator => mediator.Send(command, cancellationToken), cancellationToken);

    public ValueTask<TResponse> Send<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default) =>
        InScopeAsync(mediator => mediator.Send(query, cancellationToken), cancellationToken);

    /// <summary>
    /// A query, then the command its answer leads to, in one scope and on one connection: the command finds what the
    /// query loaded (the actor, a channel, a membership) already tracked instead of asking again. Each still runs its
    /// whole pipeline; the command goes ahead even when <paramref name="queryCancellation"/> fires after the query.
    /// </summary>
    public ValueTask<(TFound Found, TResponse Response)> Send<TFound, TResponse>(IQuery<TFound> query,
        Func<TFound, ICommand<TResponse>> command, CancellationToken queryCancellation, CancellationToken commandCancellation) =>
        InScopeAsync(async mediator =>
        {
            var found = await mediator.Send(query, queryCancellation);
            return (found, await mediator.Send(command(found), commandCancellation));
        }, queryCancellation);

    private async ValueTask<TResponse> InScopeAsync<TResponse>(Func<IMediator, ValueTask<TResponse>> send,
        CancellationToken cancellationToken)
    {
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
}
