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

    public Guid? ThreadRootId { get; init; }

    /// <summary>The seq of the message this one replies to, as integrations name threads.</summary>
    public long? ThreadRootSeq { get; init; }

    /// <summary>Position in its thread; 0 when not a reply.</summary>
    public long ReplySeq { get; init; }

    /// <summary>A reply that shows only in its thread pane, not in the channel.</summary>
    public bool ThreadOnly { get; init; }

    public int ReplyCount { get; init; }
    public DateTimeOffset? LastReplyAt { get; init; }

    /// <summary>Posted by an integration (a bot or an incoming webhook), which the message shows.</summary>
    public bool AuthorIsBot { get; init; }

    /// <summary>The name and emoji an integration posted under, shown instead of its own.</summary>
    public string? PostedAs { get; init; }

    public string? PostedIcon { get; init; }

    /// <summary>The author's photo version; 0 while they have none.</summary>
    public long AuthorAvatarVersion { get; init; }

    /// <summary>For a thread's first message: who has replied, first to last.</summary>
    public IReadOnlyList<string> Repliers { get; init; } = [];
}

/// <summary>One emoji on a message: who put it there, in the order they did.</summary>
public sealed record ReactionView(string Emoji, IReadOnlyList<Guid> UserIds, IReadOnlyList<string> Names)
{
    public int Count => UserIds.Count;
}
