using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Messages;

internal static class MessageViews
{
    /// <summary>
    /// Loads the given messages with their authors, mentions and reactions, oldest first, in three queries whatever the
    /// page size. Filter, order and limit before calling.
    /// </summary>
    public static async Task<List<MessageView>> ToViewsAsync(this WorkspaceDb db, IQueryable<Message> messages,
        CancellationToken cancellationToken)
    {
        var views = await (from m in messages
                           join u in db.Users on m.AuthorId equals u.Id
                           select new MessageView(m.Id, m.ChannelId, m.Seq, m.ChangeSeq, m.AuthorId, u.DisplayName,
                               u.Handle, m.Text, m.Html, m.ClientMessageId, m.CreatedAt, m.EditedAt, m.DeletedAt != null, null))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        views.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        if (views.Count == 0)
            return views;

        var ids = views.Select(v => v.Id).ToList();
        var mentions = (await db.Mentions.Where(m => ids.Contains(m.MessageId)).Select(m => new { m.MessageId, m.UserId })
                .AsNoTracking()
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.MessageId, m => m.UserId);
        if (mentions.Count > 0)
            views = views.Select(v => mentions.Contains(v.Id) ? v with { MentionedUserIds = mentions[v.Id].ToList() } : v).ToList();
        var reactions = await (from r in db.Reactions
                               join u in db.Users on r.UserId equals u.Id
                               where ids.Contains(r.MessageId)
                               orderby r.CreatedAt
                               select new { r.MessageId, r.Emoji, r.UserId, u.DisplayName })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (reactions.Count == 0)
            return views;

        var byMessage = reactions.GroupBy(r => r.MessageId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<ReactionView>)g.GroupBy(r => r.Emoji)
                .Select(e => new ReactionView(e.Key, e.Select(r => r.UserId).ToList(), e.Select(r => r.DisplayName).ToList()))
                .ToList());
        return views.Select(v => byMessage.TryGetValue(v.Id, out var list) ? v with { Reactions = list } : v).ToList();
    }
}
