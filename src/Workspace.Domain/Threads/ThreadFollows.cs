using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Messages;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Threads;

internal static class ThreadFollows
{
    /// <summary>
    /// The person follows the thread: replying or being mentioned in it follows it again even after an unfollow,
    /// as in every chat tool; a reply to a thread someone started follows it for them only the first time
    /// (<paramref name="refollow"/> false). Tracked, so the caller's SaveChanges stores it.
    /// </summary>
    public static async Task<ThreadFollow> FollowAsync(this WorkspaceDb db, Guid userId, Message root, long readUpTo,
        bool refollow, CancellationToken cancellationToken)
    {
        var follow = await db.ThreadFollows.FindAsync([userId, root.Id], cancellationToken);
        if (follow is null)
        {
            follow = new ThreadFollow(userId, root.Id, root.ChannelId, isFollowing: true, readUpTo);
            db.ThreadFollows.Add(follow);
        }
        else if (refollow)
            follow.Follow(true);
        follow.Read(readUpTo);
        return follow;
    }
}
