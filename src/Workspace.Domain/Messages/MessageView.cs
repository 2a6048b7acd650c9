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
    DateTimeOffset CreatedAt);
