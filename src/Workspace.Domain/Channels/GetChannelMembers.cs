using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.DirectMessages;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Channels;

/// <summary>
/// The people in a channel the actor can see, by name. With <paramref name="Matching"/>: those whose handle, or a word of
/// whose name, starts with it (case aside), at most <paramref name="Limit"/> of them: whom the composer suggests after
/// an @, asked for as the person types rather than held by every open page.
/// </summary>
public sealed record GetChannelMembers(Guid ActorId, Guid ChannelId, string? Matching = null, int Limit = GetChannelMembers.MaxLimit)
    : IQuery<IReadOnlyList<Participant>>, IChannelRequest
{
    public const int MaxLimit = 10_000;
}

public sealed class GetChannelMembersValidator : AbstractValidator<GetChannelMembers>
{
    public GetChannelMembersValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, GetChannelMembers.MaxLimit)
            .WithMessage($"Ask for 1 to {GetChannelMembers.MaxLimit:N0} members at a time.");
        RuleFor(q => q.Matching).MaximumLength(100).WithMessage("Search with at most 100 characters.");
    }
}

public sealed class GetChannelMembersHandler(WorkspaceDb db) : IQueryHandler<GetChannelMembers, IReadOnlyList<Participant>>
{
    public async ValueTask<IReadOnlyList<Participant>> Handle(GetChannelMembers query, CancellationToken cancellationToken)
    {
        var (channel, _) = await db.FindVisibleAsync(query.ActorId, query.ChannelId, cancellationToken);
        var members = from m in db.Memberships
                      join u in db.Users on m.UserId equals u.Id
                      where m.ChannelId == channel.Id && u.DeactivatedAt == null
                      select u;
        if (query.Matching is not { } matching)
            return await Listed(members).Take(query.Limit).ToListAsync(cancellationToken);

        // The database narrows the people down (handles are lowercase); the exact rule, words and case in any script,
        // is applied here. SQLite lowers ASCII letters only, so a search with other letters is not narrowed there.
        var lowered = matching.ToLowerInvariant();
        var candidates = matching.All(char.IsAscii)
            ? members.Where(u => u.Handle.StartsWith(lowered) || u.DisplayName.ToLower().Contains(lowered))
            : members;
        return (await Listed(candidates).ToListAsync(cancellationToken))
            .Where(p => Matches(p, matching))
            .Take(query.Limit)
            .ToList();
    }

    private static IQueryable<Participant> Listed(IQueryable<User> people) =>
        people.OrderBy(u => u.DisplayName).Select(u => new Participant(u.Id, u.Handle, u.DisplayName)).AsNoTracking();

    private static bool Matches(Participant person, string query) =>
        person.Handle.StartsWith(query, StringComparison.OrdinalIgnoreCase)
        || person.DisplayName.Split(' ').Any(word => word.StartsWith(query, true, CultureInfo.InvariantCulture));
}
