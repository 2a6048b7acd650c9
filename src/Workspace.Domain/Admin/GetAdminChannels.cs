using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.Channels;
using Workspace.Domain.Common;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Admin;

/// <summary>
/// Every public and private channel for an admin to manage, by name, 50 at a time: <paramref name="After"/> is the
/// last name of the previous page. Only what describes a channel: never a word of its messages.
/// </summary>
public sealed record GetAdminChannels(Guid ActorId, string? Search = null, string? After = null,
    int Limit = GetAdminChannels.PageSize) : IQuery<AdminChannelPage>, IActorRequest
{
    public const int PageSize = 50;
}

/// <param name="LastActivityAt">When its newest message was posted, or when it was created if it has none.</param>
public sealed record AdminChannel(Guid Id, string Name, ChannelKind Kind, string Topic, int MemberCount,
    DateTimeOffset LastActivityAt, bool IsArchived)
{
    public bool IsPrivate => Kind == ChannelKind.Private;
}

public sealed record AdminChannelPage(IReadOnlyList<AdminChannel> Channels, bool HasMore);

public sealed class GetAdminChannelsValidator : AbstractValidator<GetAdminChannels>
{
    public GetAdminChannelsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, 200).WithMessage("Ask for 1 to 200 channels at a time.");
        RuleFor(q => q.Search).MaximumLength(Channel.MaxNameLength)
            .WithMessage($"Search for at most {Channel.MaxNameLength} characters.");
    }
}

public sealed class GetAdminChannelsHandler(WorkspaceDb db) : IQueryHandler<GetAdminChannels, AdminChannelPage>
{
    public async ValueTask<AdminChannelPage> Handle(GetAdminChannels query, CancellationToken cancellationToken)
    {
        var channels = db.Channels.AsNoTracking().Where(c => c.Kind != ChannelKind.Direct);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Like.Containing(query.Search.Trim().TrimStart('#'));
            channels = channels.Where(c => EF.Functions.Like(c.Name, pattern, Like.EscapeCharacter));
        }
        if (query.After is { } after)
            channels = channels.Where(c => string.Compare(c.Name, after) > 0);
        var page = await channels.OrderBy(c => c.Name).Take(query.Limit + 1)
            .Select(c => new
            {
                c.Id,
                c.Name,
                c.Kind,
                c.Topic,
                c.CreatedAt,
                c.IsArchived,
                MemberCount = db.Memberships.Count(m => m.ChannelId == c.Id),
                LastMessageAt = db.Messages.Where(m => m.ChannelId == c.Id).Max(m => (DateTimeOffset?)m.CreatedAt),
            })
            .ToListAsync(cancellationToken);
        return new AdminChannelPage(
            page.Take(query.Limit)
                .Select(c => new AdminChannel(c.Id, c.Name, c.Kind, c.Topic, c.MemberCount, c.LastMessageAt ?? c.CreatedAt, c.IsArchived))
                .ToList(),
            page.Count > query.Limit);
    }
}
