using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Messages;

internal static class MessageViews
{
    /// <summary>
    /// Loads the given messages with their authors, mentions and reactions, oldest first, in at most four queries
    /// whatever the page size: the mentions, reactions and repliers are asked for only when the page has some.
    /// Filter, order and limit before calling.
    /// </summary>
    public static async Task<List<MessageView>> ToViewsAsync(this WorkspaceDb db, IQueryable<Message> messages,
        CancellationToken cancellationToken)
    {
        var projected = messages.Provider.CreateQuery<ViewRow>(Projected(Expression.Constant(db, typeof(WorkspaceDb)), messages.Expression));
        return await db.CompleteAsync(await projected.AsNoTracking().ToListAsync(cancellationToken), cancellationToken);
    }

    /// <summary>
    /// The newest <paramref name="take"/> of a channel's messages before seq <paramref name="before"/>
    /// (<see cref="long.MaxValue"/>: the newest of all), as <see cref="ToViewsAsync"/> would load them, through a
    /// compiled query: a page of history is the one read every open page and every scroll makes.
    /// </summary>
    public static async Task<List<MessageView>> PageBeforeAsync(this WorkspaceDb db, Guid channelId, long before, int take,
        CancellationToken cancellationToken) =>
        await db.CompleteAsync(await PagesBefore.For(db)(db, channelId, before, take).ToListAsync(cancellationToken), cancellationToken);

    /// <summary>The oldest <paramref name="take"/> of a channel's messages after seq <paramref name="after"/>, compiled.</summary>
    public static async Task<List<MessageView>> PageAfterAsync(this WorkspaceDb db, Guid channelId, long after, int take,
        CancellationToken cancellationToken) =>
        await db.CompleteAsync(await PagesAfter.For(db)(db, channelId, after, take).ToListAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// Up to <paramref name="takeBefore"/> messages before seq <paramref name="around"/> and <paramref name="takeFrom"/>
    /// from it on, in one compiled query rather than two (it still costs ~0.2 ms more than a page: docs/benchmarks.md).
    /// </summary>
    public static async Task<List<MessageView>> PageAroundAsync(this WorkspaceDb db, Guid channelId, long around, int takeBefore,
        int takeFrom, CancellationToken cancellationToken) =>
        await db.CompleteAsync(await PagesAround.For(db)(db, channelId, around, takeBefore, takeFrom).ToListAsync(cancellationToken),
            cancellationToken);

    /// <summary>Adds to the projected rows what only some messages have (repliers, mentions, reactions), oldest first.</summary>
    private static async Task<List<MessageView>> CompleteAsync(this WorkspaceDb db, List<ViewRow> rows, CancellationToken cancellationToken)
    {
        rows.Sort((a, b) => a.View.Seq != b.View.Seq ? a.View.Seq.CompareTo(b.View.Seq) : a.View.ReplySeq.CompareTo(b.View.ReplySeq));
        var views = rows.ConvertAll(r => r.View);
        if (views.Count == 0)
            return views;

        var roots = views.Where(v => v.ReplyCount > 0).Select(v => (Guid?)v.Id).ToList();
        if (roots.Count > 0)
        {
            var repliers = (await (from r in db.Messages
                                   join u in db.Users on r.AuthorId equals u.Id
                                   where roots.Contains(r.ThreadRootId) && r.DeletedAt == null
                                   orderby r.ReplySeq
                                   select new { r.ThreadRootId, u.DisplayName })
                    .AsNoTracking()
                    .ToListAsync(cancellationToken))
                .ToLookup(r => r.ThreadRootId!.Value, r => r.DisplayName);
            views = views.Select(v => repliers.Contains(v.Id) ? v with { Repliers = repliers[v.Id].Distinct().ToList() } : v).ToList();
        }
        var mentionedIn = rows.Where(r => r.HasMentions).Select(r => r.View.Id).ToList();
        if (mentionedIn.Count > 0)
        {
            var mentions = (await MentionsOf.For(db)(db, mentionedIn).ToListAsync(cancellationToken))
                .ToLookup(m => m.MessageId, m => m.UserId);
            views = views.Select(v => mentions.Contains(v.Id) ? v with { MentionedUserIds = mentions[v.Id].ToList() } : v).ToList();
        }
        var reactedTo = rows.Where(r => r.HasReactions).Select(r => r.View.Id).ToList();
        if (reactedTo.Count == 0)
            return views;
        var reactions = await ReactionsOf.For(db)(db, reactedTo).ToListAsync(cancellationToken);

        var byMessage = reactions.GroupBy(r => r.MessageId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<ReactionView>)g.GroupBy(r => r.Emoji)
                .Select(e => new ReactionView(e.Key, e.Select(r => r.UserId).ToList(), e.Select(r => r.DisplayName).ToList()))
                .ToList());
        return views.Select(v => byMessage.TryGetValue(v.Id, out var list) ? v with { Reactions = list } : v).ToList();
    }

    private sealed record MentionRow(Guid MessageId, Guid UserId);

    private sealed record ReactionRow(Guid MessageId, string Emoji, Guid UserId, string DisplayName);

    // Compiled, as the lookups every command makes (Actors.FindUserAsync): every page of history asks both.
    private static readonly PerModel<Func<WorkspaceDb, List<Guid>, IAsyncEnumerable<MentionRow>>> MentionsOf = new(() =>
        EF.CompileAsyncQuery((WorkspaceDb db, List<Guid> ids) =>
            db.Mentions.Where(m => ids.Contains(m.MessageId)).Select(m => new MentionRow(m.MessageId, m.UserId))));

    private static readonly PerModel<Func<WorkspaceDb, List<Guid>, IAsyncEnumerable<ReactionRow>>> ReactionsOf = new(() =>
        EF.CompileAsyncQuery((WorkspaceDb db, List<Guid> ids) =>
            from r in db.Reactions
            join u in db.Users on r.UserId equals u.Id
            where ids.Contains(r.MessageId)
            orderby r.CreatedAt
            select new ReactionRow(r.MessageId, r.Emoji, r.UserId, u.DisplayName)));

    /// <summary>
    /// A message just written, from what its command holds rather than read back: it has no reactions, replies or
    /// repliers yet, and its mentions are the ones the command wrote. Mirrors <see cref="Projection"/>.
    /// </summary>
    public static MessageView FreshView(Message message, User author, Message? root, IReadOnlyList<Guid> mentioned) =>
        new(message.Id, message.ChannelId, message.Seq, message.ChangeSeq, message.AuthorId, author.DisplayName,
            author.Handle, message.Text, message.Html, message.ClientMessageId, message.CreatedAt, message.EditedAt,
            message.IsDeleted, null, mentioned.Count == 0 ? null : mentioned)
        {
            AuthorAvatarVersion = author.AvatarVersion,
            AuthorIsBot = author.Role == WorkspaceRole.Bot,
            PostedAs = message.PostedAs,
            PostedIcon = message.PostedIcon,
            ThreadRootId = message.ThreadRootId,
            ThreadRootSeq = root?.Seq,
            ReplySeq = message.ReplySeq,
            ThreadOnly = message.ThreadOnly,
            ReplyCount = message.ReplyCount,
            LastReplyAt = message.LastReplyAt,
        };

    /// <summary>A message's view, and whether it has mention or reaction rows to fetch (most pages have few or none).</summary>
    private sealed record ViewRow(MessageView View, bool HasMentions, bool HasReactions);

    /// <summary>
    /// How a message and its author become a view row, written once for both the composed queries of
    /// <see cref="ToViewsAsync"/> and the compiled pages: <c>messages</c> stands for whichever messages are asked for.
    /// </summary>
    private static readonly Expression<Func<WorkspaceDb, IQueryable<Message>, IQueryable<ViewRow>>> Projection = (db, messages) =>
        from m in messages
        join u in db.Users on m.AuthorId equals u.Id
        select new ViewRow(new MessageView(m.Id, m.ChannelId, m.Seq, m.ChangeSeq, m.AuthorId, u.DisplayName,
            u.Handle, m.Text, m.Html, m.ClientMessageId, m.CreatedAt, m.EditedAt, m.DeletedAt != null, null, null)
        {
            AuthorAvatarVersion = u.AvatarVersion,
            AuthorIsBot = u.Role == WorkspaceRole.Bot,
            PostedAs = m.PostedAs,
            PostedIcon = m.PostedIcon,
            ThreadRootId = m.ThreadRootId,
            ThreadRootSeq = m.ThreadRootId == null
                ? null
                : db.Messages.Where(r => r.Id == m.ThreadRootId).Select(r => (long?)r.Seq).FirstOrDefault(),
            ReplySeq = m.ReplySeq,
            ThreadOnly = m.ThreadOnly,
            ReplyCount = m.ReplyCount,
            LastReplyAt = m.LastReplyAt,
        },
        db.Mentions.Any(x => x.MessageId == m.Id),
        db.Reactions.Any(r => r.MessageId == m.Id));

    /// <summary><see cref="Projection"/>'s body for the given context and messages.</summary>
    private static Expression Projected(Expression db, Expression messages) =>
        new Substitution(new() { [Projection.Parameters[0]] = db, [Projection.Parameters[1]] = messages }).Visit(Projection.Body);

    /// <summary>The messages a lambda selects, projected: a query to compile.</summary>
    private static Expression<Func<WorkspaceDb, Guid, long, int, IQueryable<ViewRow>>> Projecting(
        Expression<Func<WorkspaceDb, Guid, long, int, IQueryable<Message>>> select) =>
        Expression.Lambda<Func<WorkspaceDb, Guid, long, int, IQueryable<ViewRow>>>(
            Projected(select.Parameters[0], select.Body), select.Parameters);

    private static Expression<Func<WorkspaceDb, Guid, long, int, int, IQueryable<ViewRow>>> Projecting(
        Expression<Func<WorkspaceDb, Guid, long, int, int, IQueryable<Message>>> select) =>
        Expression.Lambda<Func<WorkspaceDb, Guid, long, int, int, IQueryable<ViewRow>>>(
            Projected(select.Parameters[0], select.Body), select.Parameters);

    private static readonly PerModel<Func<WorkspaceDb, Guid, long, int, IAsyncEnumerable<ViewRow>>> PagesBefore = new(() =>
        EF.CompileAsyncQuery(Projecting((db, channelId, before, take) => db.Messages
            .Where(m => m.ChannelId == channelId && !m.ThreadOnly && m.Seq < before)
            .OrderByDescending(m => m.Seq).Take(take))));

    private static readonly PerModel<Func<WorkspaceDb, Guid, long, int, IAsyncEnumerable<ViewRow>>> PagesAfter = new(() =>
        EF.CompileAsyncQuery(Projecting((db, channelId, after, take) => db.Messages
            .Where(m => m.ChannelId == channelId && !m.ThreadOnly && m.Seq > after)
            .OrderBy(m => m.Seq).Take(take))));

    private static readonly PerModel<Func<WorkspaceDb, Guid, long, int, int, IAsyncEnumerable<ViewRow>>> PagesAround = new(() =>
        EF.CompileAsyncQuery(Projecting((db, channelId, around, takeBefore, takeFrom) => db.Messages
            .Where(m => m.ChannelId == channelId && !m.ThreadOnly && m.Seq < around)
            .OrderByDescending(m => m.Seq).Take(takeBefore)
            .Concat(db.Messages
                .Where(m => m.ChannelId == channelId && !m.ThreadOnly && m.Seq >= around)
                .OrderBy(m => m.Seq).Take(takeFrom)))));

    /// <summary>Puts expressions in the place of parameters.</summary>
    private sealed class Substitution(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.GetValueOrDefault(node) ?? node;
    }
}
