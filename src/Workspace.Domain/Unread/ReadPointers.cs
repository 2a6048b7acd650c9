using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Channels;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Unread;

internal static class ReadPointers
{
    /// <summary>
    /// One conditional UPDATE rather than read-modify-write, so two tabs reading at once can never move the
    /// pointer backwards. False when it was already there or further (or the person is not a member).
    /// </summary>
    public static async Task<bool> AdvanceReadPointerAsync(this WorkspaceDb db, Guid userId, Guid channelId, long seq,
        CancellationToken cancellationToken)
    {
        // Sent directly (DirectSql), in the caller's transaction: every post runs it.
        var (seqName, seqAt) = db.Parameter("seq");
        var (channelName, channelAt) = db.Parameter("channel");
        var (userName, userAt) = db.Parameter("user");
        var command = db.CreateCommand($"""
            UPDATE memberships SET "LastReadSeq" = {seqAt}
            WHERE "ChannelId" = {channelAt} AND "UserId" = {userAt} AND "LastReadSeq" < {seqAt}
            """);
        command.AddParameter(db.Column<Membership>(nameof(Membership.LastReadSeq)), seqName, seq);
        command.AddParameter(db.Column<Membership>(nameof(Membership.ChannelId)), channelName, channelId);
        command.AddParameter(db.Column<Membership>(nameof(Membership.UserId)), userName, userId);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>
    /// The same for many readers of one channel: the members among <paramref name="userIds"/> whose pointer was behind
    /// <paramref name="seq"/>, now moved there. A thousand people reading a live channel share its newest seq, so a
    /// second's worth of their reading is a few UPDATEs (a few hundred readers each, <see cref="DirectSql.ParametersPerStatement"/>),
    /// not a thousand.
    /// </summary>
    public static async Task<List<Guid>> AdvanceReadPointersAsync(this WorkspaceDb db, Guid channelId, long seq,
        IReadOnlyList<Guid> userIds, CancellationToken cancellationToken)
    {
        var moved = new List<Guid>();
        foreach (var readers in userIds.Chunk(DirectSql.ParametersPerStatement - 3))
        {
            var values = new List<object> { seq, channelId, seq };
            var users = string.Join(", ", readers.Select(id =>
            {
                values.Add(id);
                return $"{{{values.Count - 1}}}";
            }));
            // Only placeholders are put into the text; every value goes as a parameter.
            var update = $$"""
                UPDATE memberships SET "LastReadSeq" = {0}
                WHERE "ChannelId" = {1} AND "LastReadSeq" < {2} AND "UserId" IN ({{users}})
                RETURNING "UserId" AS "Value"
                """;
            moved.AddRange(await db.Database.SqlQueryRaw<Guid>(update, [.. values]).ToListAsync(cancellationToken));
        }
        return moved;
    }
}
