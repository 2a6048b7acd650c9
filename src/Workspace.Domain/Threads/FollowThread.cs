using Mediator;
using Workspace.Domain.Authorization;
using Workspace.Domain.Persistence;
using Workspace.Domain.Pipeline;
using Workspace.Domain.Realtime;

namespace Workspace.Domain.Threads;

/// <summary>Follow or unfollow a thread without replying: what the Threads view lists.</summary>
public sealed record FollowThread(Guid ActorId, Guid RootId, bool Follow) : ICommand<Unit>, IMessageRequest
{
    Guid IMessageRequest.MessageId => RootId;
}

public sealed class FollowThreadHandler(WorkspaceDb db, PendingEvents events) : ICommandHandler<FollowThread, Unit>
{
    public async ValueTask<Unit> Handle(FollowThread command, CancellationToken cancellationToken)
    {
        var (root, _) = await db.FindRootAsync(command.ActorId, command.RootId, cancellationToken);
        var follow = await db.ThreadFollows.FindAsync([command.ActorId, root.Id], cancellationToken);
        if (follow is null)
            db.ThreadFollows.Add(follow = new ThreadFollow(command.ActorId, root.Id, root.ChannelId, command.Follow, root.LastReplySeq));
        follow.Follow(command.Follow);
        await db.SaveChangesAsync(cancellationToken);
        events.Add(new ThreadRead(command.ActorId, root.Id, follow.LastReadReplySeq, follow.IsFollowing));
        return Unit.Value;
    }
}
