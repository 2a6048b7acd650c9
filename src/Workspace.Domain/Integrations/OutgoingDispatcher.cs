using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Integrations;

/// <summary>
/// Delivers what the queue holds that is due. Rows are claimed first (their next attempt pushed past the attempt
/// itself, as a lease), so that two nodes never send one row at once and a node that dies mid-call leaves the row to
/// be retried when the lease ends.
/// </summary>
public sealed class OutgoingDispatcher(IServiceScopeFactory scopes, OutgoingHttp http, TimeProvider clock,
    IOptions<OutgoingWebhookOptions> options, ILogger<OutgoingDispatcher> logger)
{
    private const int BatchSize = 20;

    /// <summary>Longer than any attempt can take, so a live worker always records its outcome before the lease ends.</summary>
    private TimeSpan Lease => options.Value.Timeout * 3;

    /// <summary>Delivers every row that is due; returns when the next pending one will be, or null when none is left.</summary>
    public async Task<DateTimeOffset?> DeliverDueAsync(CancellationToken cancellationToken)
    {
        while (await ClaimAsync(cancellationToken) is { Count: > 0 } claimed)
            await DeliverAsync(claimed, cancellationToken);

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

    /// <summary>
    /// Calls the receivers side by side, then records every outcome in one write: SQLite takes one writer at a time,
    /// and a slow receiver holds up only the recording, never another call.
    /// </summary>
    private async Task DeliverAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
        var deliveries = await db.OutgoingDeliveries.Where(d => ids.Contains(d.Id)).ToListAsync(cancellationToken);
        var botIds = deliveries.Select(d => d.BotId).Distinct().ToList();
        // The bot's current address and secret: a receiver that was replaced should not keep getting its messages.
        var hooks = await db.OutgoingWebhooks.AsNoTracking().Where(h => botIds.Contains(h.BotId))
            .ToDictionaryAsync(h => h.BotId, cancellationToken);
        var allowPrivate = await db.Settings.Select(s => s.AllowPrivateNetworkTargets).FirstOrDefaultAsync(cancellationToken);

        var outcomes = await Task.WhenAll(deliveries.Select(delivery => hooks.TryGetValue(delivery.BotId, out var hook)
            ? http.PostAsync(hook.Url, hook.Secret, delivery.Id, delivery.Payload, allowPrivate, cancellationToken)
            : Task.FromResult(new DeliveryOutcome(Delivered: false, StatusCode: null, "the bot no longer has an outgoing URL", Final: true))));
        var now = clock.GetUtcNow();
        foreach (var (delivery, outcome) in deliveries.Zip(outcomes))
        {
            delivery.Attempted(outcome, now, options.Value);
            if (!outcome.Delivered)
                logger.LogWarning("Outgoing webhook delivery {Delivery} (attempt {Attempt}) was not delivered: {Error}; {Next}.",
                    delivery.Id, delivery.Attempts, outcome.Error,
                    delivery.Status == DeliveryStatus.Failed ? "giving up" : $"next attempt at {delivery.NextAttemptAt:O}");
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
