using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Common;
using Workspace.Domain.Persistence;
using Workspace.Domain.Unread;

namespace Workspace.Domain.Channels;

internal static class ChannelCounters
{
    /// <summary>
    /// Takes the next message seq and change seq under the channel row's write lock, and moves the read pointer of
    /// <paramref name="poster"/> (who has read the message by writing it) to the new seq. Must run inside the
    /// transaction that inserts the message, so numbers are gapless and in commit order on every database.
    /// </summary>
    /// <remarks>
    /// On PostgreSQL both in one statement (an UPDATE in a WITH clause): a round trip less while the post holds the
    /// channel's row, which the channel's next post waits for. SQLite allows no UPDATE in a WITH clause, and has no
    /// round trips.
    /// </remarks>
    public static async Task<(long Seq, long ChangeSeq)> NextMessageAsync(this WorkspaceDb db, Guid channelId, Guid poster,
        CancellationToken cancellationToken)
    {
        const string take = """UPDATE channels SET "LastSeq" = "LastSeq" + 1, "ChangeSeq" = "ChangeSeq" + 1""";
        if (db.Database.IsSqlite())
        {
            var counters = await TakeAsync(db, take, channelId, cancellationToken);
            await db.AdvanceReadPointerAsync(poster, channelId, counters.LastSeq, cancellationToken);
            return (counters.LastSeq, counters.ChangeSeq);
        }
        var (channel, channelAt) = db.Parameter("channel");
        var (user, userAt) = db.Parameter("user");
        var command = db.CreateCommand($"""
            WITH taken AS ({take} WHERE "Id" = {channelAt} RETURNING {Returned}),
            moved AS (
                UPDATE memberships SET "LastReadSeq" = taken."LastSeq" FROM taken
                WHERE "ChannelId" = {channelAt} AND "UserId" = {userAt} AND "LastReadSeq" < taken."LastSeq")
            SELECT {Returned} FROM taken
            """);
        command.AddParameter(db.Column<Channel>(nameof(Channel.Id)), channel, channelId);
        command.AddParameter(db.Column<Membership>(nameof(Membership.UserId)), user, poster);
        return await ReadAsync(command, channelId, cancellationToken);
    }

    /// <summary>Takes the next change seq for an edit, delete or reaction; same locking as <see cref="NextMessageAsync"/>.</summary>
    public static async Task<long> NextChangeAsync(this WorkspaceDb db, Guid channelId, CancellationToken cancellationToken)
    {
        var counters = await TakeAsync(db, """UPDATE channels SET "ChangeSeq" = "ChangeSeq" + 1""", channelId, cancellationToken);
        return counters.ChangeSeq;
    }

    /// <summary>What taking numbers answers: the numbers, and what refuses them.</summary>
    private const string Returned = "\"LastSeq\", \"ChangeSeq\", \"IsArchived\", \"Name\"";

    /// <summary>
    /// One statement takes the numbers and reads them under the lock it took: a channel archived while the write
    /// waited refuses it here (the caller's transaction then rolls back), so nothing lands in an archived channel
    /// however the two interleave. Sent directly (<see cref="DirectSql"/>): every post runs it.
    /// </summary>
    private static Task<(long LastSeq, long ChangeSeq)> TakeAsync(WorkspaceDb db, string update, Guid channelId,
        CancellationToken cancellationToken)
    {
        var (name, placeholder) = db.Parameter("channel");
        var command = db.CreateCommand($"""{update} WHERE "Id" = {placeholder} RETURNING {Returned}""");
        command.AddParameter(db.Column<Channel>(nameof(Channel.Id)), name, channelId);
        return ReadAsync(command, channelId, cancellationToken);
    }

    private static async Task<(long LastSeq, long ChangeSeq)> ReadAsync(DbCommand command, Guid channelId,
        CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            throw new InvalidOperationException($"No channel {channelId} to number a message in.");
        if (reader.GetBoolean(2))
            throw new DomainException($"#{reader.GetString(3)} is archived.");
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
