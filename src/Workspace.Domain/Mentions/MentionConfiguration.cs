using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Domain.Channels;
using Workspace.Domain.Members;
using Workspace.Domain.Messages;

namespace Workspace.Domain.Mentions;

internal sealed class MentionConfiguration : IEntityTypeConfiguration<Mention>
{
    public void Configure(EntityTypeBuilder<Mention> mention)
    {
        mention.ToTable("mentions");
        mention.HasKey(m => new { m.MessageId, m.UserId });
        mention.HasIndex(m => new { m.UserId, m.ChannelId, m.Seq });
        mention.HasIndex(m => new { m.UserId, m.CreatedAt });
        mention.HasOne<Message>().WithMany().HasForeignKey(m => m.MessageId).OnDelete(DeleteBehavior.Cascade);
        mention.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        mention.HasOne<Channel>().WithMany().HasForeignKey(m => m.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}
