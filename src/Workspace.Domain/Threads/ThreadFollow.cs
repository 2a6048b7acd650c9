using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Domain.Members;
using Workspace.Domain.Messages;

namespace Workspace.Domain.Threads;

/// <summary>
/// A person's place in a thread: whether they follow it, and how far they have read it. Thread unread =
/// root.LastReplySeq - LastReadReplySeq, kept apart from the channel's count.
/// </summary>
public sealed class ThreadFollow
{
    private ThreadFollow() { }

    public ThreadFollow(Guid userId, Guid rootId, Guid channelId, bool isFollowing, long lastReadReplySeq)
    {
        UserId = userId;
        RootId = rootId;
        ChannelId = channelId;
        IsFollowing = isFollowing;
        LastReadReplySeq = lastReadReplySeq;
    }

    public Guid UserId { get; private set; }
    public Guid RootId { get; private set; }
    public Guid ChannelId { get; private set; }
    public bool IsFollowing { get; private set; }
    public long LastReadReplySeq { get; private set; }

    public void Follow(bool follow) => IsFollowing = follow;

    public void Read(long replySeq) => LastReadReplySeq = Math.Max(LastReadReplySeq, replySeq);
}

internal sealed class ThreadFollowConfiguration : IEntityTypeConfiguration<ThreadFollow>
{
    public void Configure(EntityTypeBuilder<ThreadFollow> follow)
    {
        follow.ToTable("thread_follows");
        follow.HasKey(f => new { f.UserId, f.RootId });
        follow.HasIndex(f => new { f.RootId });
        follow.HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        follow.HasOne<Message>().WithMany().HasForeignKey(f => f.RootId).OnDelete(DeleteBehavior.Cascade);
    }
}
