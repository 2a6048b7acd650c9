namespace Workspace.Domain.Messages;

/// <summary>A message as every view shows it; also the payload of live events.</summary>
public sealed record MessageView(
    Guid Id,
    Guid ChannelId,
    long Seq,
    long ChangeSeq,
    Guid AuthorId,
    string AuthorName,
    string AuthorHandle,
    string Text,
    string Html,
    Guid ClientMessageId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt = null,
    bool Deleted = false,
    IReadOnlyList<ReactionView>? Reactions = null,
    IReadOnlyList<Guid>? MentionedUserIds = null)
{
    public IReadOnlyList<ReactionView> Reactions { get; init; } = Reactions ?? [];

    /// <summary>The people this message notifies (by name, @channel or @here).</summary>
    public IReadOnlyList<Guid> MentionedUserIds { get; init; } = MentionedUserIds ?? [];
}

/// <summary>One emoji on a message: who put it there, in the order they did.</summary>
public sealed record ReactionView(string Emoji, IReadOnlyList<Guid> UserIds, IReadOnlyList<string> Names)
{
    public int Count => UserIds.Count;
}
