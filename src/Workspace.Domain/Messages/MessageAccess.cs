using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Messages;

internal static class MessageAccess
{
    /// <summary>
    /// A live message the actor can see, with its channel and the actor's membership. A message in a channel they
    /// cannot see reads exactly like one that does not exist.
    /// </summary>
    public static async Task<(Message Message, Channel Channel, Membership? Membership)> FindMessageAsync(
        this WorkspaceDb db, Guid actorId, Guid messageId, CancellationToken cancellationToken)
    {
        var message = await db.Messages.SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        if (message is null || message.IsDeleted)
            throw new NotFoundException(Message.NotFound);
        try
        {
            var (channel, membership) = await db.FindVisibleAsync(actorId, message.ChannelId, cancellationToken);
            return (message, channel, membership);
        }
        catch (NotFoundException)
        {
            throw new NotFoundException(Message.NotFound);
        }
    }

    /// <summary>
    /// Takes the channel's next change seq for a change to <paramref name="message"/>, then reads the message again
    /// under the lock that took. The message was loaded before the lock, so a delete may have committed while this
    /// command waited: without the re-read an edit or a reaction would land on the tombstone, and a second delete
    /// would count as a change of its own.
    /// </summary>
    public static async Task<long> NextChangeOfAsync(this WorkspaceDb db, Message message, CancellationToken cancellationToken)
    {
        var changeSeq = await db.NextChangeAsync(message.ChannelId, cancellationToken);
        await db.Entry(message).ReloadAsync(cancellationToken);
        message.EnsureExists();
        return changeSeq;
    }

    public static async Task<MessageView> ViewAsync(this WorkspaceDb db, Guid messageId, CancellationToken cancellationToken) =>
        (await db.ToViewsAsync(db.Messages.Where(m => m.Id == messageId), cancellationToken)).Single();
}
