using Mediator;
using Workspace.Domain.Authorization;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Realtime;

namespace Workspace.Domain.Threads;

/// <summary>The actor has read a thread up to a reply (never backwards); their other tabs learn of it.</summary>
public sealed record MarkThreadRead(Guid ActorId, Guid RootId, long ReplySeq) : ICommand<Unit>, IMessageRequest
{
    Guid IMessageRequest.MessageId => RootId;
}

public sealed class MarkThreadReadHandler(WorkspaceDb db, PendingEvents events) : ICommandHandler<MarkThreadRead, Unit>
{
    public async ValueTask<Unit> Handle(MarkThreadRead command, CancellationToken cancellationToken)
    {
        var (root, _) = await db.FindRootAsync(command.ActorId, command.RootId, cancellationToken);
        var follow = await db.ThreadFollows.FindAsync([command.ActorId, root.Id], cancellationToken);
        var upTo = Math.Min(command.ReplySeq, root.LastReplySeq);
        if (follow is null)
            db.ThreadFollows.Add(follow = new ThreadFollow(command.ActorId, root.Id, root.ChannelId, isFollowing: false, upTo));
        else if (upTo <= follow.LastReadReplySeq)
            return Unit.Value;
        follow.Read(upTo);
        await db.SaveChangesAsync(cancellationToken);
        events.Add(new ThreadRead(command.ActorId, root.Id, follow.LastReadReplySeq, follow.IsFollowing));
        return Unit.Value;
    }
}
