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
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid ChannelId { get; private set; }

    /// <summary>Position among the channel's top-level messages: 1, 2, 3 ... without gaps.</summary>
    public long Seq { get; private set; }

    /// <summary>The channel's change counter at this message's last change.</summary>
    public long ChangeSeq { get; private set; }

    public Guid AuthorId { get; private set; }

    /// <summary>The Markdown the author wrote.</summary>
    public string Text { get; private set; } = "";

    /// <summary>Rendered and made safe once, when written; views show it as it is.</summary>
    public string Html { get; private set; } = "";

    /// <summary>Chosen by the sender's client; unique per author, so a retried send finds its first copy.</summary>
    public Guid ClientMessageId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

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
