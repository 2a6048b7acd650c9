using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.Channels;
using Workspace.Domain.Persistence;
using Workspace.Domain.Setup;

namespace Workspace.Domain.Admin;

/// <summary>The workspace's settings as the admin page edits them, with the channels that can be defaults.</summary>
public sealed record GetWorkspaceSettings(Guid ActorId) : IQuery<WorkspaceSettingsView>, IActorRequest;

public sealed record WorkspaceSettingsView(
    string Name,
    string Description,
    long? Logo,
    IReadOnlyList<Guid> DefaultChannelIds,
    Permission ChannelCreation,
    Permission BroadcastMentions,
    int? EditWindowMinutes,
    int? DeleteWindowMinutes,
    IReadOnlyList<ChannelRef> PublicChannels,
    bool AllowPrivateNetworkTargets = false);

public sealed class GetWorkspaceSettingsHandler(WorkspaceDb db) : IQueryHandler<GetWorkspaceSettings, WorkspaceSettingsView>
{
    public async ValueTask<WorkspaceSettingsView> Handle(GetWorkspaceSettings query, CancellationToken cancellationToken)
    {
        var settings = await db.Settings.AsNoTracking().SingleAsync(cancellationToken);
        var channels = await db.Channels
            .Where(c => c.Kind == ChannelKind.Public && !c.IsArchived && c.Name != Channel.General)
            .OrderBy(c => c.Name)
            .Select(c => new ChannelRef(c.Id, c.Name))
            .ToListAsync(cancellationToken);
        return new WorkspaceSettingsView(settings.Name, settings.Description, settings.Logo,
            settings.DefaultChannelIds.Where(id => channels.Any(c => c.Id == id)).ToList(),
            settings.ChannelCreation, settings.BroadcastMentions, settings.EditWindowMinutes,
            settings.DeleteWindowMinutes, channels, settings.AllowPrivateNetworkTargets);
    }
}
