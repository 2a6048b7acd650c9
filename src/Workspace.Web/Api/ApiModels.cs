using Workspace.Domain.Channels;
using Workspace.Domain.EventLog;
using Workspace.Domain.Messages;

namespace Workspace.Web.Api;

/// <summary>A channel or conversation the caller belongs to, with its counts.</summary>
/// <param name="Kind"><c>public</c>, <c>private</c> or <c>direct</c>.</param>
public sealed record ApiChannel(Guid Id, string Name, string Kind, long Unread, long Mentions)
{
    public static ApiChannel From(SidebarChannel c) =>
        new(c.Id, c.Name, KindName(c.IsDirect ? ChannelKind.Direct : c.IsPrivate ? ChannelKind.Private : ChannelKind.Public), c.Unread, c.Mentions);

    public static string KindName(ChannelKind kind) => kind switch
    {
        ChannelKind.Direct => "direct",
        ChannelKind.Private => "private",
        _ => "public",
    };
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

/// <summary>One event of <c>GET /api/v1/events</c>; what it names is shown as it is when read.</summary>
/// <param name="Type"><c>message.posted</c>, <c>message.edited</c>, <c>message.deleted</c>, <c>reaction.changed</c>,
/// <c>channel.read</c>, <c>member.joined</c>, <c>member.left</c> or <c>channel.updated</c>.</param>
/// <param name="Channel">Null once the channel was deleted.</param>
/// <param name="User">Who joined or left.</param>
/// <param name="LastReadSeq">The caller's read marker, for <c>channel.read</c>.</param>
public sealed record ApiEvent(long Id, string Type, DateTimeOffset CreatedAt, Guid? ChannelId, ApiEventChannel? Channel,
    ApiMessage? Message, ApiAuthor? User, long? LastReadSeq)
{
    public static ApiEvent From(StreamEvent e) => new(e.Id, e.Kind, e.At, e.ChannelId,
        e.Channel is { } c ? new ApiEventChannel(c.Id, c.Name, ApiChannel.KindName(c.Kind), c.Topic, c.IsArchived) : null,
        e.Message is { } m ? ApiMessage.From(m) : null,
        e.User is { } u ? new ApiAuthor(u.Id, u.Handle, u.DisplayName) : null,
        e.Kind == EventKinds.ChannelRead ? e.Value : null);
}

/// <param name="Name">Null for a direct conversation.</param>
public sealed record ApiEventChannel(Guid Id, string? Name, string Kind, string Topic, bool Archived);

/// <param name="Next">Pass as <c>after</c> to read on: past these events and any the caller may not see.</param>
public sealed record ApiEventPage(IReadOnlyList<ApiEvent> Events, long Next)
{
    public static ApiEventPage From(EventPage page) => new(page.Events.Select(ApiEvent.From).ToList(), page.Cursor);
}
