using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.Channels;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Messages;

/// <summary>
/// Everything that changed in a channel after the change a view last applied: how a view catches up after a
/// gap, a dropped event queue or a reconnect. <see cref="ChannelChanges.Complete"/> is false when more changed
/// than one answer carries; the view then reloads its page instead.
/// </summary>
public sealed record GetChannelChanges(Guid ActorId, Guid ChannelId, long AfterChangeSeq) : IQuery<ChannelChanges>, IChannelRequest;

public sealed record ChannelChanges(IReadOnlyList<MessageView> Messages, long ChangeSeq, bool Complete);

public sealed class GetChannelChangesHandler(WorkspaceDb db) : IQueryHandler<GetChannelChanges, ChannelChanges>
{
    public const int MaxChanges = 500;

    public async ValueTask<ChannelChanges> Handle(GetChannelChanges query, CancellationToken cancellationToken)
    {
        var (channel, _) = await db.FindVisibleAsync(query.ActorId, query.ChannelId, cancellationToken);
        var changed = await db.ToViewsAsync(db.Messages
            .Where(m => m.ChannelId == channel.Id && m.ChangeSeq > query.AfterChangeSeq)
            .OrderBy(m => m.ChangeSeq)
            .Take(MaxChanges + 1), cancellationToken);
        if (changed.Count > MaxChanges)
            return new ChannelChanges([], query.AfterChangeSeq, Complete: false);
        // A change may have committed after the channel row was read; never report less than what is returned.
        var changeSeq = changed.Select(m => m.ChangeSeq).Append(channel.ChangeSeq).Max();
        return new ChannelChanges(changed, changeSeq, Complete: true);
    }
}
