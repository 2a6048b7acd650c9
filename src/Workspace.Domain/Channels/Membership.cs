namespace Workspace.Domain.Channels;

/// <summary>A person's place in a channel, and how far they have read it.</summary>
public sealed class Membership
{
    private Membership() { }

    public Membership(Guid channelId, Guid userId, long lastReadSeq, DateTimeOffset joinedAt)
    {
        ChannelId = channelId;
        UserId = userId;
        LastReadSeq = lastReadSeq;
        JoinedAt = joinedAt;
    }

    public Guid ChannelId { get; private set; }
    public Guid UserId { get; private set; }
    public DateTimeOffset JoinedAt { get; private set; }

    /// <summary>Unread = channel.LastSeq - LastReadSeq; never a count of rows. Moved only by <see cref="Unread.ReadPointers"/>.</summary>
    public long LastReadSeq { get; private set; }
}
