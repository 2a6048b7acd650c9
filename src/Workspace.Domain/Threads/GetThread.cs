using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.Messages;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Threads;

/// <param name="ChangeSeq">The channel's change counter read before the replies: live events after it apply on top.</param>
public sealed record ThreadView(MessageView Root, IReadOnlyList<MessageView> Replies, bool IsFollowing,
    long LastReadReplySeq, long ChangeSeq);

/// <summary>A thread: its first message, every reply in order, and where the actor stands in it.</summary>
public sealed record GetThread(Guid ActorId, Guid RootId) : IQuery<ThreadView>, IMessageRequest
{
    Guid IMessageRequest.MessageId => RootId;
}

public sealed class GetThreadHandler(WorkspaceDb db) : IQueryHandler<GetThread, ThreadView>
{
    public async ValueTask<ThreadView> Handle(GetThread query, CancellationToken cancellationToken)
    {
        var (root, channel) = await db.FindRootAsync(query.ActorId, query.RootId, cancellationToken);
        var changeSeq = channel.ChangeSeq;
        var messages = await db.ToViewsAsync(
            db.Messages.Where(m => m.Id == root.Id || m.ThreadRootId == root.Id), cancellationToken);
        var follow = await db.ThreadFollows.AsNoTracking()
            .SingleOrDefaultAsync(f => f.UserId == query.ActorId && f.RootId == root.Id, cancellationToken);
        return new ThreadView(
            messages.Single(m => m.Id == root.Id),
            messages.Where(m => m.ThreadRootId == root.Id).OrderBy(m => m.ReplySeq).ToList(),
            follow?.IsFollowing ?? false,
            follow?.LastReadReplySeq ?? 0,
            changeSeq);
    }
}
