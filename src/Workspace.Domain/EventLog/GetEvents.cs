using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.DirectMessages;
using Workspace.Domain.Messages;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.EventLog;

/// <summary>
/// The events after <paramref name="After"/> that the actor may see, oldest first: those about themselves, and those
/// of the channels they belong to now from when they joined (so someone removed stops seeing a channel's events at
/// once, and someone who joins late is not handed what happened before: its history is a query away). Without
/// <paramref name="After"/>, none: only the position to read from. A deactivated actor is refused like any request.
/// </summary>
public sealed record GetEvents(Guid ActorId, long? After, int Limit = GetEvents.MaxLimit) : IQuery<EventPage>, IActorRequest
{
    public const int MaxLimit = 500;
}

/// <param name="Cursor">Where the next read starts: past these events and past any the actor may not see.</param>
/// <param name="Channels">The channels the actor belongs to as of this read, for following them live.</param>
public sealed record EventPage(IReadOnlyList<StreamEvent> Events, long Cursor, IReadOnlyList<Guid> Channels);

/// <summary>An event with what it names as it is now.</summary>
/// <param name="Channel">Null once the channel was deleted (only the leaving of its members is still told).</param>
/// <param name="Message">The message of a <c>message.*</c> or <c>reaction.changed</c> event.</param>
/// <param name="User">Who joined or left, or whose read marker moved.</param>
/// <param name="Value">The read marker's seq for <c>channel.read</c>.</param>
public sealed record StreamEvent(long Id, string Kind, DateTimeOffset At, Guid? ChannelId, EventChannel? Channel, MessageView? Message,
    Participant? User, long? Value);

/// <param name="Name">Null for a direct conversation, whose key is no name.</param>
public sealed record EventChannel(Guid Id, string? Name, ChannelKind Kind, string Topic, bool IsArchived);

public sealed class GetEventsValidator : AbstractValidator<GetEvents>
{
    public GetEventsValidator()
    {
        RuleFor(q => q.After).GreaterThanOrEqualTo(0).WithMessage("Event ids start at 1; resume after 0 to read from the beginning.");
        RuleFor(q => q.Limit).InclusiveBetween(1, GetEvents.MaxLimit).WithMessage($"Read between 1 and {GetEvents.MaxLimit} events at a time.");
    }
}

public sealed class GetEventsHandler(WorkspaceDb db) : IQueryHandler<GetEvents, EventPage>
{
    public async ValueTask<EventPage> Handle(GetEvents query, CancellationToken cancellationToken)
    {
        // Read first: every event numbered up to it is committed, so reading no further than it never skips one still
        // being written, whatever commits while this query runs.
        var head = await db.EventLogHead.Where(h => h.Id == EventLogHead.SingleRowId).Select(h => h.LastId).SingleAsync(cancellationToken);
        var channelIds = await db.Memberships.Where(m => m.UserId == query.ActorId).Select(m => m.ChannelId).ToListAsync(cancellationToken);
        if (query.After is not { } after)
            return new EventPage([], head, channelIds);
        if (after > head)
            throw new NotFoundException($"There is no event {after} yet: resume from an id this stream sent (the newest is {head}).");
        // The log is gapless until retention prunes its oldest rows: the next event missing means it was pruned.
        if (after < head && !await db.EventLog.AnyAsync(e => e.Id == after + 1, cancellationToken))
            throw new GoneException($"Events after {after} are no longer kept (see Retention:EventLogDays): catch up from the " +
                "channels' history, then open the stream without Last-Event-ID to follow from now.");

        var me = query.ActorId;
        var rows = await db.EventLog.AsNoTracking()
            .Where(e => e.Id > after && e.Id <= head)
            .Where(e => e.UserId == me
                || (!e.Personal && db.Memberships.Any(m => m.UserId == me && m.ChannelId == e.ChannelId && m.JoinedAt <= e.At)))
            .OrderBy(e => e.Id)
            .Take(query.Limit)
            .ToListAsync(cancellationToken);
        var cursor = rows.Count == query.Limit ? rows[^1].Id : head;
        return new EventPage(await DescribeAsync(db, rows, cancellationToken), cursor, channelIds);
    }

    internal static async Task<List<StreamEvent>> DescribeAsync(WorkspaceDb db, List<LoggedEvent> rows, CancellationToken cancellationToken)
    {
        var messageIds = rows.Where(e => e.MessageId is not null).Select(e => e.MessageId!.Value).Distinct().ToList();
        var messages = messageIds.Count == 0
            ? []
            : (await db.ToViewsAsync(db.Messages.Where(m => messageIds.Contains(m.Id)), cancellationToken)).ToDictionary(m => m.Id);
        var channelIds = rows.Where(e => e.ChannelId is not null).Select(e => e.ChannelId!.Value).Distinct().ToList();
        var channels = await db.Channels.AsNoTracking().Where(c => channelIds.Contains(c.Id))
            .Select(c => new EventChannel(c.Id, c.Kind == ChannelKind.Direct ? null : c.Name, c.Kind, c.Topic, c.IsArchived))
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var userIds = rows.Where(e => e.UserId is not null).Select(e => e.UserId!.Value).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new Participant(u.Id, u.Handle, u.DisplayName))
            .ToDictionaryAsync(u => u.Id, cancellationToken);

        var events = new List<StreamEvent>(rows.Count);
        foreach (var row in rows)
        {
            var channel = row.ChannelId is { } channelId ? channels.GetValueOrDefault(channelId) : null;
            var message = row.MessageId is { } messageId ? messages.GetValueOrDefault(messageId) : null;
            // A message or channel deleted since has nothing left to show; its id is passed over all the same.
            if (EventKinds.IsAboutMessage(row.Kind) && message is null || row.ChannelId is not null && channel is null && row.UserId is null)
                continue;
            var user = row.UserId is { } userId ? users.GetValueOrDefault(userId) : null;
            events.Add(new StreamEvent(row.Id, row.Kind, row.At, row.ChannelId, channel, message, user, row.Value));
        }
        return events;
    }
}
