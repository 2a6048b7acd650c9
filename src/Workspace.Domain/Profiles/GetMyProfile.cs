using Mediator;
using Workspace.Domain.Authorization;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Profiles;

/// <summary>The signed-in person's own profile, as the profile page edits it.</summary>
public sealed record GetMyProfile(Guid ActorId) : IQuery<MyProfile>, IActorRequest;

/// <param name="TimeZone">Null while they have not chosen one.</param>
public sealed record MyProfile(Guid Id, string DisplayName, string Handle, string? TimeZone, Status? Status, long AvatarVersion);

public sealed class GetMyProfileHandler(WorkspaceDb db, TimeProvider clock) : IQueryHandler<GetMyProfile, MyProfile>
{
    public async ValueTask<MyProfile> Handle(GetMyProfile query, CancellationToken cancellationToken)
    {
        var me = await db.ActorAsync(query.ActorId, cancellationToken);
        return new MyProfile(me.Id, me.DisplayName, me.Handle, me.TimeZone, Status.Of(me, clock.GetUtcNow()), me.AvatarVersion);
    }
}
