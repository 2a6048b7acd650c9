using System.Text.Json.Serialization;
using Workspace.Domain.Integrations;
using Workspace.Domain.Messages;

namespace Workspace.Domain.Realtime;

/// <summary>
/// Something that changed, published after its transaction committed. Small: views never query per event. Serializable,
/// so that other nodes on the same database hear of it (<see cref="PostgresChatEvents"/>).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$event")]
[JsonDerivedType(typeof(MessagePosted), "message-posted")]
[JsonDerivedType(typeof(MessageChanged), "message-changed")]
[JsonDerivedType(typeof(ChannelUpdated), "channel-updated")]
[JsonDerivedType(typeof(ChannelDeleted), "channel-deleted")]
[JsonDerivedType(typeof(ChannelUnarchived), "channel-unarchived")]
[JsonDerivedType(typeof(ChannelRead), "channel-read")]
[JsonDerivedType(typeof(ChannelMarkedUnread), "channel-marked-unread")]
[JsonDerivedType(typeof(ThreadRead), "thread-read")]
[JsonDerivedType(typeof(MembershipChanged), "membership-changed")]
[JsonDerivedType(typeof(WorkspaceUpdated), "workspace-updated")]
[JsonDerivedType(typeof(AccountChanged), "account-changed")]
[JsonDerivedType(typeof(OutgoingDeliveriesQueued), "outgoing-deliveries-queued")]
public abstract record ChatEvent
{
    [JsonIgnore]
    public abstract string Stream { get; }

    public static string ChannelStream(Guid channelId) => $"channel:{channelId}";
    public static string UserStream(Guid userId) => $"user:{userId}";

    /// <summary>What every signed-in page follows: the workspace's own name and logo.</summary>
    public const string WorkspaceStream = "workspace";
}

public sealed record MessagePosted(MessageView Message) : ChatEvent
{
    public override string Stream => ChannelStream(Message.ChannelId);
}

/// <summary>A message was edited, deleted or reacted to; the view is its state after the change.</summary>
public sealed record MessageChanged(MessageView Message) : ChatEvent
{
    public override string Stream => ChannelStream(Message.ChannelId);
}

/// <summary>A channel's name, topic, privacy or archived state changed; the values are its state afterwards.</summary>
public sealed record ChannelUpdated(Guid ChannelId, string Name, string Topic, bool IsPrivate, bool IsArchived) : ChatEvent
{
    public override string Stream => ChannelStream(ChannelId);
}

/// <summary>The channel is gone with its messages: whoever shows it must let go of it.</summary>
public sealed record ChannelDeleted(Guid ChannelId) : ChatEvent
{
    public override string Stream => ChannelStream(ChannelId);
}

/// <summary>
/// A channel the user belongs to came back from the archive. Sent to each member, because a sidebar stops following
/// an archived channel and would not hear of it on the channel's stream.
/// </summary>
public sealed record ChannelUnarchived(Guid UserId, Guid ChannelId) : ChatEvent
{
    public override string Stream => UserStream(UserId);
}

/// <summary>The user's read pointer moved forward (in any of their tabs). Pointers only grow, so the largest wins.</summary>
public sealed record ChannelRead(Guid UserId, Guid ChannelId, long LastReadSeq) : ChatEvent
{
    public override string Stream => UserStream(UserId);
}

/// <summary>The user chose "Mark unread": the pointer moved back, and this value replaces whatever a view had.</summary>
public sealed record ChannelMarkedUnread(Guid UserId, Guid ChannelId, long LastReadSeq) : ChatEvent
{
    public override string Stream => UserStream(UserId);
}

/// <summary>The user read a thread up to a reply, or followed or unfollowed it, in one of their tabs.</summary>
public sealed record ThreadRead(Guid UserId, Guid RootId, long LastReadReplySeq, bool IsFollowing) : ChatEvent
{
    public override string Stream => UserStream(UserId);
}

/// <summary>The user joined, left, was added to or taken out of a channel, or it was deleted: their sidebar changes.</summary>
public sealed record MembershipChanged(Guid UserId, Guid ChannelId, bool IsMember) : ChatEvent
{
    public override string Stream => UserStream(UserId);
}

/// <summary>An admin renamed the workspace or changed its logo (null: none).</summary>
public sealed record WorkspaceUpdated(string Name, long? Logo) : ChatEvent
{
    public override string Stream => WorkspaceStream;
}

/// <summary>The person's role changed or their account was deactivated: their open pages start again.</summary>
public sealed record AccountChanged(Guid UserId) : ChatEvent
{
    public override string Stream => UserStream(UserId);
}

/// <summary>
/// Delivered instead of events that could not be: those a subscriber's full queue had to drop (<see cref="Instance"/>),
/// or those of a stream another node changed without being able to say how (<see cref="On"/>). Whoever gets it must
/// catch up from the database.
/// </summary>
public sealed record EventsLost : ChatEvent
{
    public static readonly EventsLost Instance = new();

    public static EventsLost On(string stream) => new() { LostStream = stream };

    public string LostStream { get; private init; } = "";

    public override string Stream => LostStream;
}
