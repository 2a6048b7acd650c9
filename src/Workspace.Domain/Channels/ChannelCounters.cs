using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Common;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Channels;

internal static class ChannelCounters
{
    /// <summary>
    /// Takes the next message seq and change seq under the channel row's write lock. Must run inside the
    /// transaction that inserts the message, so numbers are gapless and in commit order on every database.
    /// </summary>
    public static async Task<(long Seq, long ChangeSeq)> NextMessageAsync(this WorkspaceDb db, Guid channelId,
        CancellationToken cancellationToken)
    {
        var counters = await TakeAsync(db, """UPDATE channels SET "LastSeq" = "LastSeq" + 1, "ChangeSeq" = "ChangeSeq" + 1""",
            channelId, cancellationToken);
        return (counters.LastSeq, counters.ChangeSeq);
    }

    /// <summary>Takes the next change seq for an edit, delete or reaction; same locking as <see cref="NextMessageAsync"/>.</summary>
    public static async Task<long> NextChangeAsync(this WorkspaceDb db, Guid channelId, CancellationToken cancellationToken)
    {
        var counters = await TakeAsync(db, """UPDATE channels SET "ChangeSeq" = "ChangeSeq" + 1""", channelId, cancellationToken);
        return counters.ChangeSeq;
    }

    /// <summary>
    /// One statement takes the numbers and reads them under the lock it took: a channel archived while the write
    /// waited refuses it here (the caller's transaction then rolls back), so nothing lands in an archived channel
    /// however the two interleave. Sent directly (<see cref="DirectSql"/>): every post runs it.
    /// </summary>
    private static async Task<(long LastSeq, long ChangeSeq)> TakeAsync(WorkspaceDb db, string update, Guid channelId,
        CancellationToken cancellationToken)
    {
        var (name, placeholder) = db.Parameter("channel");
        var command = db.CreateCommand($"""{update} WHERE "Id" = {placeholder} RETURNING "LastSeq", "ChangeSeq", "IsArchived", "Name" """);
        command.AddParameter(db.Column<Channel>(nameof(Channel.Id)), name, channelId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            throw new InvalidOperationException($"No channel {channelId} to number a message in.");
        if (reader.GetBoolean(2))
            throw new DomainException($"#{reader.GetString(3)} is archived.");
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
