using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Domain.Messages;

namespace Workspace.Domain.EventLog;

/// <summary>
/// One change in the durable event log that integrations read as a stream (<see cref="GetEvents"/>). Written in the
/// transaction that makes the change, numbered in commit order (see <see cref="EventNumbering"/>), so a reader that
/// resumes after an id misses nothing and sees nothing twice, across restarts. It names what changed rather than
/// copying it: a reader gets the thing as it is when read, so a deleted message is never replayed.
/// </summary>
public sealed class LoggedEvent
{
    private LoggedEvent() { }

    private LoggedEvent(string kind, Guid? channelId, Guid? userId, Guid? messageId, long? value, bool personal, DateTimeOffset at)
    {
        Kind = kind;
        ChannelId = channelId;
        UserId = userId;
        MessageId = messageId;
        Value = value;
        Personal = personal;
        At = at;
    }

    /// <summary>Assigned when saved: the previous event's id plus one, in the order the transactions commit.</summary>
    public long Id { get; internal set; }

    public string Kind { get; private set; } = "";
    public Guid? ChannelId { get; private set; }

    /// <summary>The person it is about: the one who joined or left, or whose read marker moved.</summary>
    public Guid? UserId { get; private set; }

    public Guid? MessageId { get; private set; }

    /// <summary>A number that belongs to the event itself: the read marker's seq.</summary>
    public long? Value { get; private set; }

    /// <summary>Only <see cref="UserId"/> sees it (a read marker); otherwise the channel's members see it too.</summary>
    public bool Personal { get; private set; }

    public DateTimeOffset At { get; private set; }

    public static LoggedEvent Posted(Message message, DateTimeOffset at) => About(EventKinds.MessagePosted, message, at);
    public static LoggedEvent Edited(Message message, DateTimeOffset at) => About(EventKinds.MessageEdited, message, at);
    public static LoggedEvent Deleted(Message message, DateTimeOffset at) => About(EventKinds.MessageDeleted, message, at);
    public static LoggedEvent Reacted(Message message, DateTimeOffset at) => About(EventKinds.ReactionChanged, message, at);

    public static LoggedEvent Read(Guid userId, Guid channelId, long lastReadSeq, DateTimeOffset at) =>
        new(EventKinds.ChannelRead, channelId, userId, null, lastReadSeq, personal: true, at);

    public static LoggedEvent Membership(Guid userId, Guid channelId, bool isMember, DateTimeOffset at) =>
        new(isMember ? EventKinds.MemberJoined : EventKinds.MemberLeft, channelId, userId, null, null, personal: false, at);

    public static LoggedEvent ChannelUpdated(Guid channelId, DateTimeOffset at) =>
        new(EventKinds.ChannelUpdated, channelId, null, null, null, personal: false, at);

    private static LoggedEvent About(string kind, Message message, DateTimeOffset at) =>
        new(kind, message.ChannelId, null, message.Id, null, personal: false, at);
}

/// <summary>The event types integrations see, as named in the API.</summary>
public static class EventKinds
{
    public const string MessagePosted = "message.posted";
    public const string MessageEdited = "message.edited";
    public const string MessageDeleted = "message.deleted";
    public const string ReactionChanged = "reaction.changed";
    public const string ChannelRead = "channel.read";
    public const string MemberJoined = "member.joined";
    public const string MemberLeft = "member.left";
    public const string ChannelUpdated = "channel.updated";

    public static bool IsAboutMessage(string kind) =>
        kind is MessagePosted or MessageEdited or MessageDeleted or ReactionChanged;
}

/// <summary>The single row holding the last event id handed out; its lock orders writers by commit.</summary>
public sealed class EventLogHead
{
    public const int SingleRowId = 1;

    public int Id { get; private set; }
    public long LastId { get; private set; }
}

internal sealed class LoggedEventConfiguration : IEntityTypeConfiguration<LoggedEvent>
{
    public void Configure(EntityTypeBuilder<LoggedEvent> loggedEvent)
    {
        loggedEvent.ToTable("event_log");
        loggedEvent.Property(e => e.Id).ValueGeneratedNever();
        loggedEvent.Property(e => e.Kind).HasMaxLength(32);
        // No foreign keys: the log outlives what it names (a deleted channel's events stay numbered and are skipped).
    }
}

internal sealed class EventLogHeadConfiguration : IEntityTypeConfiguration<EventLogHead>
{
    public void Configure(EntityTypeBuilder<EventLogHead> head)
    {
        head.ToTable("event_log_head");
        head.Property(h => h.Id).ValueGeneratedNever();
        head.HasData(new { Id = EventLogHead.SingleRowId, LastId = 0L });
    }
}
