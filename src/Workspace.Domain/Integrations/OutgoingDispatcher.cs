using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Integrations;

/// <summary>
/// Delivers what the queue holds that is due. Rows are claimed first (their next attempt pushed past the attempt
/// itself, as a lease), so that two nodes never send one row at once and a node that dies mid-call leaves the row to
/// be retried when the lease ends.
/// </summary>
public sealed class OutgoingDispatcher(IServiceScopeFactory scopes, OutgoingHttp http, TimeProvider clock,
    IOptions<OutgoingWebhookOptions> options)
{
    private const int BatchSize = 20;

    /// <summary>Longer than any attempt can take, so a live worker always records its outcome before the lease ends.</summary>
    private TimeSpan Lease => options.Value.Timeout * 3;

    /// <summary>Delivers every row that is due; returns when the next pending one will be, or null when none is left.</summary>
    public async Task<DateTimeOffset?> DeliverDueAsync(CancellationToken cancellationToken)
    {
        while (await ClaimAsync(cancellationToken) is { Count: > 0 } claimed)
            await Task.WhenAll(claimed.Select(id => DeliverAsync(id, cancellationToken)));

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
        return await db.OutgoingDeliveries.Where(d => d.Status == DeliveryStatus.Pending)
            .OrderBy(d => d.NextAttemptAt)
            .Select(d => (DateTimeOffset?)d.NextAttemptAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<List<Guid>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // SQLite has one writer at a time and its transactions here begin immediate, so the plain query is already
        // exclusive; PostgreSQL needs the rows locked, skipping those another node is claiming this instant.
        var ids = db.Database.IsNpgsql()
            ? await db.Database.SqlQuery<Guid>($"""
                SELECT "Id" AS "Value" FROM outgoing_deliveries
                WHERE "Status" = {(int)DeliveryStatus.Pending} AND "NextAttemptAt" <= {now}
                ORDER BY "NextAttemptAt" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken)
            : await db.OutgoingDeliveries.Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now)
                .OrderBy(d => d.NextAttemptAt).Take(BatchSize).Select(d => d.Id).ToListAsync(cancellationToken);
        if (ids.Count > 0)
            await db.OutgoingDeliveries.Where(d => ids.Contains(d.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.NextAttemptAt, now + Lease), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ids;
    }

    private async Task DeliverAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
        var delivery = await db.OutgoingDeliveries.SingleAsync(d => d.Id == id, cancellationToken);
        var hook = await db.OutgoingWebhooks.AsNoTracking().SingleOrDefaultAsync(h => h.BotId == delivery.BotId, cancellationToken);
        var allowPrivate = await db.Settings.Select(s => s.AllowPrivateNetworkTargets).FirstOrDefaultAsync(cancellationToken);
        // The bot's current address and secret: a receiver that was replaced should not keep getting its messages.
        var outcome = hook is null
            ? new DeliveryOutcome(Delivered: false, StatusCode: null, "the bot no longer has an outgoing URL", Final: true)
            : await http.PostAsync(hook.Url, hook.Secret, delivery.Id, delivery.Payload, allowPrivate, cancellationToken);
        delivery.Attempted(outcome, clock.GetUtcNow(), options.Value);
        await db.SaveChangesAsync(cancellationToken);
    }
}
