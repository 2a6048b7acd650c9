using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.Channels;
using Workspace.Domain.DirectMessages;
using Workspace.Domain.Messages;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Threads;

public sealed record ThreadSummary(MessageView Root, string ChannelName, bool IsDirect, IReadOnlyList<Participant> Others, long Unread);

/// <summary>The threads the actor follows in channels they are in: those with unread replies first, then the latest.</summary>
public sealed record GetThreads(Guid ActorId) : IQuery<IReadOnlyList<ThreadSummary>>, IActorRequest;

public sealed class GetThreadsHandler(WorkspaceDb db) : IQueryHandler<GetThreads, IReadOnlyList<ThreadSummary>>
{
    public const int Limit = 100;

    public async ValueTask<IReadOnlyList<ThreadSummary>> Handle(GetThreads query, CancellationToken cancellationToken)
    {
        var follows = await (from f in db.ThreadFollows
                             join m in db.Memberships on new { f.ChannelId, f.UserId } equals new { m.ChannelId, m.UserId }
                             join root in db.Messages on f.RootId equals root.Id
                             where f.UserId == query.ActorId && f.IsFollowing && root.DeletedAt == null
                             orderby root.LastReplySeq - f.LastReadReplySeq > 0 descending, root.LastReplyAt descending
                             select new { f.RootId, Unread = root.LastReplySeq - f.LastReadReplySeq })
            .Take(Limit)
            .ToListAsync(cancellationToken);
        var rootIds = follows.Select(f => f.RootId).ToList();
        var roots = (await db.ToViewsAsync(db.Messages.Where(m => rootIds.Contains(m.Id)), cancellationToken)).ToDictionary(r => r.Id);
        var channelIds = roots.Values.Select(r => r.ChannelId).Distinct().ToList();
        var channels = await db.Channels.Where(c => channelIds.Contains(c.Id)).Select(c => new { c.Id, c.Name, c.Kind })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var others = await db.OthersAsync(query.ActorId,
            channels.Values.Where(c => c.Kind == ChannelKind.Direct).Select(c => c.Id).ToList(), cancellationToken);
        return follows.Select(f =>
        {
            var root = roots[f.RootId];
            var channel = channels[root.ChannelId];
            return new ThreadSummary(root, channel.Name, channel.Kind == ChannelKind.Direct, others[channel.Id].ToList(),
                Math.Max(0, f.Unread));
        }).ToList();
    }
}
