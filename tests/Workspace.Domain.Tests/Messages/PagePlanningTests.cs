using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Messages;
using Workspace.Domain.Tests.Support;

namespace Workspace.Domain.Tests.Messages;

/// <summary>
/// PostgreSQL plans a statement Npgsql has prepared again on every run unless its generic plan (one for any
/// parameters) looks about as cheap as the plans it made for the actual ones. A page of a long channel has to pass that
/// test, or every page of it pays for its planning (docs/benchmarks.md, history).
/// </summary>
public sealed class PagePlanningTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private sealed record PlanCounts(long Generic, long Custom);

    [Fact]
    public async Task APageOfALongChannel_OnPostgreSql_IsPlannedOnceForAnySeqs()
    {
        await using var workspace = await TestWorkspace.CreateAsync(TestWorkspace.Postgres);
        var general = await workspace.GeneralIdAsync();
        const int history = 100_000;
        await workspace.QueryDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO messages ("Id", "ChannelId", "Seq", "ReplySeq", "ThreadOnly", "ReplyCount", "LastReplySeq",
                    "ChangeSeq", "AuthorId", "Text", "Html", "ClientMessageId", "CreatedAt")
                SELECT gen_random_uuid(), {0}, i, 0, false, 0, 0, i, {1}, 'message ' || i, '<p>message ' || i || '</p>',
                    gen_random_uuid(), now()
                FROM generate_series(1, {2}) AS i;
                UPDATE channels SET "LastSeq" = {2}, "ChangeSeq" = {2} WHERE "Id" = {0};
                ANALYZE messages;
                """, [general, workspace.OwnerId, history], Cancel);
            return 0;
        });

        var plans = await workspace.QueryDbAsync(async db =>
        {
            // One connection for every page: prepared statements and their plans belong to a session.
            await db.Database.OpenConnectionAsync(Cancel);
            for (var page = 0; page < 20; page++)
            {
                var to = history + 1 - page * 50;
                Assert.Equal(50, (await db.PageAsync(general, to - 50, to, Cancel)).Count);
            }
            return await db.Database.SqlQueryRaw<PlanCounts>("""
                SELECT generic_plans AS "Generic", custom_plans AS "Custom" FROM pg_prepared_statements
                WHERE statement LIKE '%"ThreadOnly"%'
                """).ToListAsync(Cancel);
        });

        // Npgsql prepares it on its fifth run; PostgreSQL makes five custom plans before it weighs the generic one.
        var page = Assert.Single(plans);
        Assert.True(page.Generic > 0, $"PostgreSQL planned every page anew: {page.Custom} custom plans, no generic one.");
    }
}
