using Workspace.Domain.Common;
using Workspace.Domain.Members;

namespace Workspace.Domain.Messages;

public sealed class Message
{
    public const int MaxLength = 16_000;

    private Message() { }

    public Message(Guid channelId, long seq, long changeSeq, Guid authorId, string text, string html,
        Guid clientMessageId, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        ChannelId = channelId;
        Seq = seq;
        ChangeSeq = changeSeq;
        AuthorId = authorId;
        Text = text;
        Html = html;
        ClientMessageId = clientMessageId;
        CreatedAt = ToStoredPrecision(createdAt);
    }

    /// <summary>
    /// Whole milliseconds, which both databases keep exactly (SQLite's binary form keeps 100 µs, PostgreSQL 1 µs):
    /// the message a post answers with equals the one read back later.
    /// </summary>
    private static DateTimeOffset ToStoredPrecision(DateTimeOffset at) =>
        new(at.Ticks - at.Ticks % TimeSpan.TicksPerMillisecond, at.Offset);

    public Guid Id { get; private set; }
    public Guid ChannelId { get; private set; }

    /// <summary>
    /// Position among the channel's messages: 1, 2, 3 ... without gaps. A reply shown only in its thread keeps its
    /// root's seq; one also sent to the channel has a position of its own.
    /// </summary>
    public long Seq { get; private set; }

    public Guid? ThreadRootId { get; private set; }

    /// <summary>Position within the thread (1, 2, 3 ...); 0 for a message that is not a reply.</summary>
    public long ReplySeq { get; private set; }

    /// <summary>A reply that shows only in its thread, not in the channel.</summary>
    public bool ThreadOnly { get; private set; }

    public int ReplyCount { get; private set; }
    public long LastReplySeq { get; private set; }
    public DateTimeOffset? LastReplyAt { get; private set; }

    public bool IsReply => ThreadRootId is not null;

    /// <summary>The channel's change counter at this message's last change.</summary>
    public long ChangeSeq { get; private set; }

    public Guid AuthorId { get; private set; }

    /// <summary>The name an integration posted under (Slack's <c>username</c>), shown instead of its own.</summary>
    public string? PostedAs { get; private set; }

    /// <summary>The emoji an integration posted with (Slack's <c>icon_emoji</c>), shown instead of its picture.</summary>
    public string? PostedIcon { get; private set; }

    public void PostedBy(string? name, string? icon)
    {
        PostedAs = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        PostedIcon = icon;
    }

    /// <summary>The Markdown the author wrote.</summary>
    public string Text { get; private set; } = "";

    /// <summary>Rendered and made safe once, when written; views show it as it is.</summary>
    public string Html { get; private set; } = "";

    /// <summary>Chosen by the sender's client; unique per author, so a retried send finds its first copy.</summary>
    public Guid ClientMessageId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Message Reply(Message root, long seq, long changeSeq, Guid authorId, string text, string html,
        Guid clientMessageId, DateTimeOffset createdAt, bool alsoInChannel) =>
        new(root.ChannelId, seq, changeSeq, authorId, text, html, clientMessageId, createdAt)
        {
            ThreadRootId = root.Id,
            ReplySeq = root.LastReplySeq,
            ThreadOnly = !alsoInChannel,
        };

    /// <summary>Counts a new reply on this root; the reply takes <see cref="LastReplySeq"/> as its position.</summary>
    public void Replied(DateTimeOffset at, long changeSeq)
    {
        EnsureExists();
        if (IsReply)
            throw new DomainException("Replies go to the thread's first message, not to another reply.");
        ReplyCount++;
        LastReplySeq++;
        LastReplyAt = at;
        ChangeSeq = changeSeq;
    }

    public void ReplyDeleted(long changeSeq)
    {
        ReplyCount = Math.Max(0, ReplyCount - 1);
        ChangeSeq = changeSeq;
    }

    public DateTimeOffset? EditedAt { get; private set; }

    /// <summary>Set when deleted. The row stays as a tombstone, without its text, so every view learns of the delete.</summary>
    public DateTimeOffset? DeletedAt { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    public void EnsureEditableBy(Guid actorId)
    {
        EnsureExists();
        if (actorId != AuthorId)
            throw new ForbiddenException("You can only edit your own messages.");
    }

    public void Edit(Guid actorId, string text, string html, long changeSeq, DateTimeOffset now)
    {
        EnsureEditableBy(actorId);
        Text = text;
        Html = html;
        EditedAt = now;
        ChangeSeq = changeSeq;
    }

    public void Delete(User actor, long changeSeq, DateTimeOffset now)
    {
        EnsureExists();
        if (actor.Id != AuthorId && !actor.IsAdmin)
            throw new ForbiddenException("You can only delete your own messages.");
        Text = "";
        Html = "";
        DeletedAt = now;
        ChangeSeq = changeSeq;
    }

    /// <summary>A reaction changed: views learn of it through the message's change seq like any other change.</summary>
    public void Touch(long changeSeq)
    {
        EnsureExists();
        ChangeSeq = changeSeq;
    }

    public void EnsureExists()
    {
        if (IsDeleted)
            throw new NotFoundException(NotFound);
    }

    public const string NotFound = "This message does not exist or was deleted.";
}
