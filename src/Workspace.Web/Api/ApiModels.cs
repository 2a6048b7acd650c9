using Workspace.Domain.Channels;
using Workspace.Domain.Messages;

namespace Workspace.Web.Api;

/// <summary>A channel or conversation the caller belongs to, with its counts.</summary>
/// <param name="Kind"><c>public</c>, <c>private</c> or <c>direct</c>.</param>
public sealed record ApiChannel(Guid Id, string Name, string Kind, long Unread, long Mentions)
{
    public static ApiChannel From(SidebarChannel c) =>
        new(c.Id, c.Name, c.IsDirect ? "direct" : c.IsPrivate ? "private" : "public", c.Unread, c.Mentions);
}

/// <param name="ClientMessageId">Chosen by the client, unique per author: sending it again returns the first message.</param>
/// <param name="ThreadRootSeq">Replies in the thread of the message with this seq.</param>
/// <param name="AlsoSendToChannel">A reply that shows in the channel too.</param>
public sealed record ApiNewMessage(string? Text, Guid? ClientMessageId, long? ThreadRootSeq = null, bool AlsoSendToChannel = false);

/// <param name="ReplySeq">Position in its thread; 0 when not a reply.</param>
public sealed record ApiPosted(Guid Id, string Channel, long Seq, long? ThreadRootSeq, long ReplySeq, DateTimeOffset CreatedAt);

public sealed record ApiAuthor(Guid Id, string Handle, string Name);

public sealed record ApiReaction(string Emoji, int Count, IReadOnlyList<Guid> UserIds);

/// <param name="Text">The Markdown as written; empty once deleted.</param>
/// <param name="Html">As rendered for everyone (links checked, no scripts).</param>
public sealed record ApiMessage(Guid Id, Guid ChannelId, long Seq, ApiAuthor Author, string Text, string Html,
    long? ThreadRootSeq, long ReplySeq, int ReplyCount, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, bool Deleted,
    IReadOnlyList<ApiReaction> Reactions)
{
    public static ApiMessage From(MessageView m) => new(m.Id, m.ChannelId, m.Seq,
        new ApiAuthor(m.AuthorId, m.AuthorHandle, m.AuthorName), m.Text, m.Html, m.ThreadRootSeq, m.ReplySeq,
        m.ReplyCount, m.CreatedAt, m.EditedAt, m.Deleted, m.Reactions.Select(r => new ApiReaction(r.Emoji, r.Count, r.UserIds)).ToList());
}

/// <param name="HasMore">There are more in the direction asked for (older for <c>before</c> and the newest page).</param>
public sealed record ApiMessagePage(IReadOnlyList<ApiMessage> Messages, bool HasMore);

public sealed record ApiEdit(string? Text);

public sealed record ApiReact(string? Emoji);

public sealed record ApiRead(long Seq);

public sealed record ApiReadPointer(long LastReadSeq);
