using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Workspace.Domain.Audit;
using Workspace.Domain.Common;
using Workspace.Domain.EventLog;
using Workspace.Domain.Integrations;
using Workspace.Domain.Messages;
using Workspace.Domain.Retention;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Retention;

/// <summary>What only grows is kept as long as the retention settings say, and a stream position pruned away says so.</summary>
public sealed class RetentionSweepTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task Run_RemovesEventsOlderThanTheirDays_AndResumingFromBeforeThemIsGone(string provider)
    {
        var clock = new FakeTimeProvider(Start);
        await using var workspace = await TestWorkspace.CreateAsync(provider, clock: clock);
        var general = await workspace.GeneralIdAsync();
        await PostAsync(workspace, general, "old news");
        var oldHead = (await workspace.Send.Send(new GetEvents(workspace.OwnerId, null), Cancel)).Cursor;
        clock.Advance(TimeSpan.FromDays(31));
        await PostAsync(workspace, general, "fresh");

        var pruned = await SweepAsync(workspace, clock, new RetentionOptions { EventLogDays = 30 });

        Assert.Equal(oldHead, pruned.Events);
        var kept = await workspace.Send.Send(new GetEvents(workspace.OwnerId, oldHead), Cancel);
        Assert.Equal(["fresh"], kept.Events.Select(e => e.Message!.Text));
        var gone = await Assert.ThrowsAsync<GoneException>(() => workspace.Send.Send(new GetEvents(workspace.OwnerId, 0), Cancel).AsTask());
        Assert.Contains("no longer kept", gone.Message);
        await Assert.ThrowsAsync<GoneException>(() => workspace.Send.Send(new GetEvents(workspace.OwnerId, oldHead - 1), Cancel).AsTask());
    }

    [Theory, MemberData(nameof(TestWorkspace.Providers), MemberType = typeof(TestWorkspace))]
    public async Task Run_RemovesFinishedDeliveriesPastTheirDays_KeepsPendingOnes_AndKeepsAuditForEverByDefault(string provider)
    {
        var clock = new FakeTimeProvider(Start);
        await using var workspace = await TestWorkspace.CreateAsync(provider, clock: clock);
        var bot = await workspace.Send.Send(new CreateBot(workspace.OwnerId, "Deploy bot"), Cancel);
        var message = await PostAsync(workspace, await workspace.GeneralIdAsync(), "ship it");
        await workspace.QueryDbAsync(async db =>
        {
            var delivered = new OutgoingDelivery(bot, message, "{}", Start);
            delivered.Attempted(new DeliveryOutcome(true, 200, null), Start, new OutgoingWebhookOptions());
            var failed = new OutgoingDelivery(bot, message, "{}", Start);
            failed.Attempted(new DeliveryOutcome(false, 410, "gone", Final: true), Start, new OutgoingWebhookOptions());
            db.OutgoingDeliveries.AddRange(delivered, failed, new OutgoingDelivery(bot, message, "{}", Start));
            db.AuditEntries.Add(new AuditEntry(Start, workspace.OwnerId, "Olivia Owner", "test", "target", "detail", null));
            return await db.SaveChangesAsync(Cancel);
        });
        clock.Advance(TimeSpan.FromDays(8));

        var pruned = await SweepAsync(workspace, clock, new RetentionOptions());

        Assert.Equal((2, 0), (pruned.Deliveries, pruned.AuditEntries));
        Assert.Equal([DeliveryStatus.Pending],
            await workspace.QueryDbAsync(db => db.OutgoingDeliveries.Select(d => d.Status).ToListAsync(Cancel)));
        var auditBefore = await workspace.QueryDbAsync(db => db.AuditEntries.CountAsync(Cancel));
        var withPolicy = await SweepAsync(workspace, clock, new RetentionOptions { AuditLogDays = 7 });
        Assert.Equal(auditBefore, withPolicy.AuditEntries);
        Assert.Equal(0, await workspace.QueryDbAsync(db => db.AuditEntries.CountAsync(Cancel)));
    }

    [Fact]
    public async Task Run_OnSeveralNodesAtOnce_RemovesEachRowOnce()
    {
        var clock = new FakeTimeProvider(Start);
        await using var workspace = await TestWorkspace.CreateAsync(TestWorkspace.Postgres, clock: clock);
        var general = await workspace.GeneralIdAsync();
        for (var i = 0; i < 50; i++)
            await PostAsync(workspace, general, $"post {i}");
        var events = (await workspace.Send.Send(new GetEvents(workspace.OwnerId, null), Cancel)).Cursor;
        clock.Advance(TimeSpan.FromDays(31));

        var nodes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SweepAsync(workspace, clock, new RetentionOptions())));

        Assert.Equal(events, nodes.Sum(n => n.Events));
        Assert.Equal(0, await workspace.QueryDbAsync(db => db.EventLog.CountAsync(Cancel)));
    }

    private static async Task<Guid> PostAsync(TestWorkspace workspace, Guid channel, string text) =>
        (await workspace.Send.Send(new PostMessage(workspace.OwnerId, channel, text, Guid.NewGuid()), Cancel)).Message.Id;

    private static Task<PrunedRows> SweepAsync(TestWorkspace workspace, TimeProvider clock, RetentionOptions options) =>
        workspace.QueryDbAsync(db => new RetentionSweep(db, Options.Create(options), clock).RunAsync(Cancel));
}
