using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.Channels;
using Workspace.Domain.DirectMessages;
using Workspace.Domain.Messages;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Mentions;

/// <param name="Others">For a direct conversation, the people in it besides the viewer.</param>
public sealed record MentionView(MessageView Message, string ChannelName, bool IsDirect, IReadOnlyList<Participant> Others);

/// <summary>Messages that mention the actor, newest first, from the channels they are in now; older pages before a time.</summary>
public sealed record GetMentions(Guid ActorId, DateTimeOffset? Before = null) : IQuery<IReadOnlyList<MentionView>>, IActorRequest;

public sealed class GetMentionsHandler(WorkspaceDb db) : IQueryHandler<GetMentions, IReadOnlyList<MentionView>>
{
    public const int PageSize = 50;

    public async ValueTask<IReadOnlyList<MentionView>> Handle(GetMentions query, CancellationToken cancellationToken)
    {
        var mine = from mention in db.Mentions
                   join m in db.Memberships on new { mention.ChannelId, mention.UserId } equals new { m.ChannelId, m.UserId }
                   where mention.UserId == query.ActorId
                   select mention;
        if (query.Before is { } before)
            mine = mine.Where(m => m.CreatedAt < before);
        var page = await mine.OrderByDescending(m => m.CreatedAt).Take(PageSize)
            .Select(m => m.MessageId)
            .ToListAsync(cancellationToken);
        var messages = await db.ToViewsAsync(db.Messages.Where(m => page.Contains(m.Id)), cancellationToken);
        var channelIds = messages.Select(m => m.ChannelId).Distinct().ToList();
        var channels = await db.Channels.Where(c => channelIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.Kind })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var others = await db.OthersAsync(query.ActorId,
            channels.Values.Where(c => c.Kind == ChannelKind.Direct).Select(c => c.Id).ToList(), cancellationToken);
        return messages
            .OrderByDescending(m => m.CreatedAt)
            .Select(m => new MentionView(m, channels[m.ChannelId].Name, channels[m.ChannelId].Kind == ChannelKind.Direct,
                others[m.ChannelId].ToList()))
            .ToList();
    }
}
