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
    /// A channel's messages with seqs from <paramref name="from"/> up to but not including <paramref name="to"/>, as
    /// <see cref="ToViewsAsync"/> would load them, through a compiled query: a page of history is the read every open
    /// page and every scroll makes. A channel numbers the messages it shows without gaps (<c>ChannelCounters</c>; a
    /// deleted message keeps its row), so any page, the newest, one before or after a seq or one around it, is a range
    /// of seqs: a single index range read, where a keyset read ordered and limited in a subquery cost more, and a
    /// permalink's two of them joined by <c>UNION ALL</c> more still (docs/benchmarks.md, history).
    /// </summary>
    /// <remarks>
    /// On PostgreSQL the seqs are listed rather than bounded. A statement Npgsql has prepared is planned again on every
    /// run unless PostgreSQL finds its generic plan (one for any parameters) about as cheap as the plans it made for the
    /// actual ones. For a range between two parameters it guesses half a percent of the channel's rows: fifty at 10,000
    /// messages, where it settles on the generic plan, but five thousand at 1,000,000, so that a long channel's every
    /// page paid for its planning. For a list it guesses ten rows at any size.
    /// </remarks>
    public static async Task<List<MessageView>> PageAsync(this WorkspaceDb db, Guid channelId, long from, long to,
        CancellationToken cancellationToken)
    {
        var rows = db.Database.IsNpgsql()
            ? ListedPages.For(db)(db, channelId, Seqs(from, to))
            : Pages.For(db)(db, channelId, from, to);
        return await db.CompleteAsync(await rows.ToListAsync(cancellationToken), cancellationToken);
    }

    private static long[] Seqs(long from, long to)
    {
        from = Math.Max(from, 1);
        var seqs = new long[Math.Max(to - from, 0)];
        for (var i = 0; i < seqs.Length; i++)
            seqs[i] = from + i;
        return seqs;
    }

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
    private static Expression<Func<WorkspaceDb, Guid, long, long, IQueryable<ViewRow>>> Projecting(
        Expression<Func<WorkspaceDb, Guid, long, long, IQueryable<Message>>> select) =>
        Expression.Lambda<Func<WorkspaceDb, Guid, long, long, IQueryable<ViewRow>>>(
            Projected(select.Parameters[0], select.Body), select.Parameters);

    /// <inheritdoc cref="Projecting(Expression{Func{WorkspaceDb, Guid, long, long, IQueryable{Message}}})"/>
    private static Expression<Func<WorkspaceDb, Guid, long[], IQueryable<ViewRow>>> Projecting(
        Expression<Func<WorkspaceDb, Guid, long[], IQueryable<Message>>> select) =>
        Expression.Lambda<Func<WorkspaceDb, Guid, long[], IQueryable<ViewRow>>>(
            Projected(select.Parameters[0], select.Body), select.Parameters);

    private static readonly PerModel<Func<WorkspaceDb, Guid, long, long, IAsyncEnumerable<ViewRow>>> Pages = new(() =>
        EF.CompileAsyncQuery(Projecting((db, channelId, from, to) => db.Messages
            .Where(m => m.ChannelId == channelId && !m.ThreadOnly && m.Seq >= from && m.Seq < to))));

    private static readonly PerModel<Func<WorkspaceDb, Guid, long[], IAsyncEnumerable<ViewRow>>> ListedPages = new(() =>
        EF.CompileAsyncQuery(Projecting((WorkspaceDb db, Guid channelId, long[] seqs) => db.Messages
            .Where(m => m.ChannelId == channelId && !m.ThreadOnly && seqs.Contains(m.Seq)))));

    /// <summary>Puts expressions in the place of parameters.</summary>
    private sealed class Substitution(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.GetValueOrDefault(node) ?? node;
    }
}
