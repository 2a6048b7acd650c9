using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Domain.Channels;

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> channel)
    {
        channel.ToTable("channels");
        channel.Property(c => c.Name).HasMaxLength(Channel.MaxNameLength);
        channel.Property(c => c.Topic).HasMaxLength(Channel.MaxTopicLength);
        channel.HasIndex(c => c.Name).IsUnique();
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> membership)
    {
        membership.ToTable("memberships");
        membership.HasKey(m => new { m.ChannelId, m.UserId });
        membership.HasIndex(m => m.UserId);
        membership.HasOne<Channel>().WithMany().HasForeignKey(m => m.ChannelId).OnDelete(DeleteBehavior.Cascade);
        membership.HasOne<Members.User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
