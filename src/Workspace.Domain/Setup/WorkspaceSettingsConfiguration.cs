using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Domain.Setup;

internal sealed class WorkspaceSettingsConfiguration : IEntityTypeConfiguration<WorkspaceSettings>
{
    public void Configure(EntityTypeBuilder<WorkspaceSettings> settings)
    {
        settings.ToTable("workspace_settings");
        settings.Property(s => s.Id).ValueGeneratedNever();
        settings.Property(s => s.Name).HasMaxLength(WorkspaceSettings.MaxNameLength);
        settings.Property(s => s.Description).HasMaxLength(WorkspaceSettings.MaxDescriptionLength);
    }
}
