using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.Channels;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Messages;

/// <summary>
/// A page of a channel's history, oldest first. Without a cursor: the newest page. <paramref name="Before"/> and
/// <paramref name="After"/> page by seq (keyset, so a page costs the same at any depth); <paramref name="Around"/>
/// centres a page on one message for permalinks.
/// </summary>
public sealed record GetChannelMessages(
    Guid ActorId,
    Guid ChannelId,
    long? Before = null,
    long? After = null,
    long? Around = null,
    int Limit = MessagePaging.PageSize) : IQuery<MessagePage>, IChannelRequest;

/// <param name="ChangeSeq">The channel's change counter read before the page: live events after it apply on top.</param>
public sealed record MessagePage(IReadOnlyList<MessageView> Messages, bool HasOlder, bool HasNewer, long ChangeSeq);

public sealed class GetChannelMessagesValidator : AbstractValidator<GetChannelMessages>
{
    public GetChannelMessagesValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, MessagePaging.MaxLimit)
            .WithMessage($"Ask for 1 to {MessagePaging.MaxLimit} messages at a time.");
        RuleFor(q => q).Must(q => new[] { q.Before, q.After, q.Around }.Count(c => c is not null) <= 1)
            .WithMessage("Page with one of before, after or around.");
    }
}

public sealed class GetChannelMessagesHandler(WorkspaceDb db) : IQueryHandler<GetChannelMessages, MessagePage>
{
    public async ValueTask<MessagePage> Handle(GetChannelMessages query, CancellationToken cancellationToken)
    {
        var (channel, _) = await db.FindVisibleAsync(query.ActorId, query.ChannelId, cancellationToken);
        var (lastSeq, changeSeq) = (channel.LastSeq, channel.ChangeSeq);
        // Pages are ranges of seqs (MessageViews.PageAsync), each one longer than asked on the side it pages towards:
        // a message there means there is more. Cursors are clamped to the channel's seqs first, so that no range
        // overflows and a cursor past either end pages as it would at that end.

        if (query.After is { } after)
        {
            var from = Math.Clamp(after, 0, lastSeq) + 1;
            var newer = await db.PageAsync(channel.Id, from, from + query.Limit + 1, cancellationToken);
            var hasNewer = newer.Count > query.Limit;
            return new MessagePage(newer.Take(query.Limit).ToList(), HasOlder: after > 0, hasNewer, changeSeq);
        }

        if (query.Around is { } asked)
        {
            var around = Math.Clamp(asked, 1, lastSeq + 1);
            var half = query.Limit / 2;
            var window = await db.PageAsync(channel.Id, around - half - 1, around + query.Limit - half + 1, cancellationToken);
            var older = window.Where(v => v.Seq < around).ToList();
            var rest = window.Where(v => v.Seq >= around).ToList();
            var hasOlder = older.Count > half;
            var hasNewer = rest.Count > query.Limit - half;
            return new MessagePage([.. older.Skip(hasOlder ? 1 : 0), .. rest.Take(query.Limit - half)], hasOlder, hasNewer, changeSeq);
        }

        var before = Math.Clamp(query.Before ?? long.MaxValue, 0, lastSeq + 1);
        var newest = await db.PageAsync(channel.Id, before - query.Limit - 1, before, cancellationToken);
        var hasOlderPage = newest.Count > query.Limit;
        return new MessagePage(newest.Skip(hasOlderPage ? 1 : 0).ToList(), hasOlderPage, HasNewer: query.Before is not null && query.Before <= lastSeq, changeSeq);
    }
}

public static class MessagePaging
{
    public const int PageSize = 50;
    public const int MaxLimit = 200;
}
