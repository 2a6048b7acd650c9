using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Benchmarks.Scenarios;
using Workspace.Domain.Persistence;

namespace Workspace.Benchmarks.Server;

/// <summary>
/// History written straight into the tables (one INSERT ... SELECT over a generated series), far faster than posting:
/// rows shaped as PostMessage writes them (seq 1..n, change seq n, rendered HTML, a client id unique per author),
/// with the channel's counters moved to match. Ids are made from a batch number and the seq, so batches never collide.
/// </summary>
public static class BulkHistory
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    public static async Task AddAsync(WorkspaceDb db, int batch, Guid channelId, Guid authorId, int count, CancellationToken cancel)
    {
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        if (db.Database.IsSqlite())
        {
            // Times are stored as DateTimeOffsetToBinaryConverter makes them: one second more is 10^4 << 11.
            var first = (long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(Start)!;
            await db.Database.ExecuteSqlRawAsync("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {0})
                INSERT INTO messages (Id, ChannelId, Seq, ReplySeq, ThreadOnly, ReplyCount, LastReplySeq, ChangeSeq, AuthorId,
                    Text, Html, ClientMessageId, CreatedAt)
                SELECT printf('%08X-0000-7000-8000-%012d', {1}, i), {2}, i, 0, 0, 0, 0, i, {3},
                    'history message ' || i || ' with some **words**', '<p>history message ' || i || ' with some <strong>words</strong></p>',
                    printf('%08X-0000-4000-8000-%012d', {1}, i), {4} + i * 20480000
                FROM n
                """, [count, batch, channelId, authorId, first], cancel);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO messages ("Id", "ChannelId", "Seq", "ReplySeq", "ThreadOnly", "ReplyCount", "LastReplySeq", "ChangeSeq",
                    "AuthorId", "Text", "Html", "ClientMessageId", "CreatedAt")
                SELECT (lpad(to_hex({1}), 8, '0') || '-0000-7000-8000-' || lpad(i::text, 12, '0'))::uuid, {2}, i, 0, false, 0, 0, i, {3},
                    'history message ' || i || ' with some **words**', '<p>history message ' || i || ' with some <strong>words</strong></p>',
                    (lpad(to_hex({1}), 8, '0') || '-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, {4} + i * interval '1 second'
                FROM generate_series(1, {0}) AS i
                """, [count, batch, channelId, authorId, Start], cancel);
        }
        await db.Channels.Where(c => c.Id == channelId)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.LastSeq, count).SetProperty(c => c.ChangeSeq, count), cancel);
    }

    /// <summary>
    /// Leaves PostgreSQL as a database that has held this history for a while: its statistics gathered, the new rows
    /// vacuumed and the load's dirty pages written out. Left to itself, autovacuum read and rewrote all of a
    /// 1,000,000-row load (32,158 pages, 6.6 s) on the server's core 45 s into a measurement, and the next checkpoint
    /// writes the load out later still (docs/benchmarks.md, history).
    /// </summary>
    public static async Task SettleAsync(BenchContext context, BenchDatabase database, CancellationToken cancel)
    {
        if (database.Provider != DatabaseProvider.Postgres)
            return;
        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE)", cancel);
        try
        {
            await db.Database.ExecuteSqlRawAsync("CHECKPOINT", cancel);
        }
        catch (DbException e) when (e.SqlState == InsufficientPrivilege)
        {
            // A server the benchmark was given (WORKSPACE_BENCH_POSTGRES) may not let its user checkpoint.
            context.Say($"{database.Provider}: CHECKPOINT refused ({e.Message}); the load's pages are written by the server's own checkpoints while measuring");
        }
    }

    private const string InsufficientPrivilege = "42501";
}
