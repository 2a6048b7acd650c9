namespace Workspace.Domain.Reactions;

/// <summary>One person's emoji on one message.</summary>
public sealed class Reaction
{
    public const int MaxDistinctPerMessage = 50;

    private Reaction() { }

    public Reaction(Guid messageId, Guid userId, string emoji, DateTimeOffset createdAt)
    {
        MessageId = messageId;
        UserId = userId;
        Emoji = emoji;
        CreatedAt = createdAt;
    }

    public Guid MessageId { get; private set; }
    public Guid UserId { get; private set; }
    public string Emoji { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}
