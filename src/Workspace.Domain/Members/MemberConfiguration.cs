using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Domain.Members;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> user)
    {
        user.ToTable("users");
        user.Property(u => u.DisplayName).HasMaxLength(User.MaxDisplayNameLength);
        user.Property(u => u.Handle).HasMaxLength(Handles.MaxLength + 10);
        user.HasIndex(u => u.Handle).IsUnique();
        user.Property(u => u.TimeZone).HasMaxLength(User.MaxTimeZoneLength);
        user.Property(u => u.StatusText).HasMaxLength(User.MaxStatusTextLength);
        user.Property(u => u.StatusEmoji).HasMaxLength(32);
    }
}

internal sealed class InviteConfiguration : IEntityTypeConfiguration<Invite>
{
    public void Configure(EntityTypeBuilder<Invite> invite)
    {
        invite.ToTable("invites");
        invite.Property(i => i.TokenHash).HasMaxLength(64);
        invite.HasIndex(i => i.TokenHash).IsUnique();
    }
}
