namespace Workspace.Domain.Mentions;

public enum MentionKind
{
    Person = 0,
    Channel = 1,
    Here = 2,
}

/// <summary>
/// A message mentions a member of its channel. Written with the message, so the mention badge is "mentions after
/// my read pointer" and the Mentions view a plain lookup.
/// </summary>
public sealed class Mention
{
    private Mention() { }

    public Mention(Guid messageId, Guid userId, Guid channelId, long seq, MentionKind kind, DateTimeOffset createdAt)
    {
        MessageId = messageId;
        UserId = userId;
        ChannelId = channelId;
        Seq = seq;
        Kind = kind;
        CreatedAt = createdAt;
    }

    public Guid MessageId { get; private set; }
    public Guid UserId { get; private set; }
    public Guid ChannelId { get; private set; }
    public long Seq { get; private set; }
    public MentionKind Kind { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
