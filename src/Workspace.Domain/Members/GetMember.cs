using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.Common;
using Workspace.Domain.Persistence;
using Workspace.Domain.Setup;

namespace Workspace.Domain.Members;

/// <param name="CanCreateChannels">The workspace's settings allow this person to create channels.</param>
public sealed record MemberView(Guid Id, string DisplayName, string Handle, WorkspaceRole Role, bool CanCreateChannels = false)
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
    public async ValueTask<MemberView> Handle(GetMember query, CancellationToken cancellationToken)
    {
        var member = await db.Users.Where(u => u.Id == query.ActorId && u.DeactivatedAt == null)
            .Select(u => new MemberView(u.Id, u.DisplayName, u.Handle, u.Role, false) { AvatarVersion = u.AvatarVersion })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new ForbiddenException(Actors.SignIn);
        var creation = await db.Settings.Select(s => s.ChannelCreation).SingleAsync(cancellationToken);
        return member with
        {
            CanCreateChannels = member.IsAdmin || (!member.IsGuest && member.Role != WorkspaceRole.Bot && creation == Permission.Members),
        };
    }
}
