using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Domain.Channels;
using Workspace.Domain.Members;

namespace Workspace.Domain.Messages;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> message)
    {
        message.ToTable("messages");
        message.Property(m => m.Text).HasMaxLength(Message.MaxLength);
        message.Property(m => m.PostedAs).HasMaxLength(User.MaxDisplayNameLength);
        message.Property(m => m.PostedIcon).HasMaxLength(16);
        message.HasIndex(m => new { m.ChannelId, m.Seq, m.ReplySeq }).IsUnique();
        message.HasIndex(m => new { m.ThreadRootId, m.ReplySeq });
        message.HasIndex(m => new { m.ChannelId, m.ChangeSeq });
        message.HasIndex(m => new { m.AuthorId, m.ClientMessageId }).IsUnique();
        // The sidebar subtracts deleted messages after each read pointer. Deletions are few, so a partial index keeps
        // that lookup small however long history grows; without it PostgreSQL scanned every message of the workspace.
        message.HasIndex(m => new { m.ChannelId, m.Seq }, "IX_messages_deleted").HasFilter("\"DeletedAt\" IS NOT NULL");
        message.HasOne<Channel>().WithMany().HasForeignKey(m => m.ChannelId).OnDelete(DeleteBehavior.Cascade);
        message.HasOne<User>().WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}
