using Workspace.Domain.Authorization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Common;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Members;

public sealed record MemberView(Guid Id, string DisplayName, string Handle, WorkspaceRole Role)
{
    public bool IsAdmin => Role.IsAdmin();

    public bool IsGuest => Role == WorkspaceRole.Guest;

    /// <summary>The person's photo version; 0 while they have none.</summary>
    public long AvatarVersion { get; init; }
}

/// <summary>The signed-in person as the shell shows them.</summary>
public sealed record GetMember(Guid ActorId) : IQuery<MemberView>, IActorRequest;

public sealed class GetMemberHandler(WorkspaceDb db) : IQueryHandler<GetMember, MemberView>
{
    public async ValueTask<MemberView> Handle(GetMember query, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == query.ActorId && u.DeactivatedAt == null)
            .Select(u => new MemberView(u.Id, u.DisplayName, u.Handle, u.Role) { AvatarVersion = u.AvatarVersion })
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new ForbiddenException(Actors.SignIn);
}
