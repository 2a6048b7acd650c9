using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Profiles;

/// <summary>Someone's profile card, by handle. A guest sees only the people it shares a channel with.</summary>
public sealed record GetProfile(Guid ActorId, string Handle) : IQuery<ProfileCard>, IActorRequest;

public sealed class GetProfileHandler(WorkspaceDb db, TimeProvider clock) : IQueryHandler<GetProfile, ProfileCard>
{
    public const string NoOne = "No one here has that handle.";

    public async ValueTask<ProfileCard> Handle(GetProfile query, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(query.ActorId, cancellationToken);
        var handle = Handles.Normalize(query.Handle);
        var person = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Handle == handle, cancellationToken)
            ?? throw new NotFoundException(NoOne);
        if (actor.IsGuest && person.Id != actor.Id && !await SharesChannelAsync(actor.Id, person.Id, cancellationToken))
            throw new NotFoundException(NoOne);

        var now = clock.GetUtcNow();
        var zone = person.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : null;
        return new ProfileCard(person.Id, person.DisplayName, person.Handle,
            person.Role == WorkspaceRole.Member ? null : person.Role.Label(), Status.Of(person, now),
            zone?.Id, zone is null ? null : TimeZoneInfo.ConvertTime(now, zone), person.AvatarVersion, !person.IsActive);
    }

    private Task<bool> SharesChannelAsync(Guid guestId, Guid personId, CancellationToken cancellationToken) =>
        db.Memberships.Where(m => m.UserId == guestId)
            .AnyAsync(m => db.Memberships.Any(o => o.ChannelId == m.ChannelId && o.UserId == personId), cancellationToken);
}
