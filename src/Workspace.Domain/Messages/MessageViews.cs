using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Messages;

internal static class MessageViews
{
    /// <summary>Loads the given messages with their authors, oldest first. Filter, order and limit before calling.</summary>
    public static async Task<List<MessageView>> ToViewsAsync(this WorkspaceDb db, IQueryable<Message> messages,
        CancellationToken cancellationToken)
    {
        var views = await (from m in messages
                           join u in db.Users on m.AuthorId equals u.Id
                           select new MessageView(m.Id, m.ChannelId, m.Seq, m.ChangeSeq, m.AuthorId, u.DisplayName,
                               u.Handle, m.Text, m.Html, m.ClientMessageId, m.CreatedAt))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        views.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        return views;
    }
}
