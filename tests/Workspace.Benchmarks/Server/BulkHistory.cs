using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>PostgreSQL plans from statistics that autovacuum would gather soon after such a load; gather them now.</summary>
    public static async Task AnalyzeAsync(BenchDatabase database, CancellationToken cancel)
    {
        if (database.Provider != DatabaseProvider.Postgres)
            return;
        var services = database.Services;
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkspaceDb>().Database.ExecuteSqlRawAsync("ANALYZE", cancel);
    }
}
