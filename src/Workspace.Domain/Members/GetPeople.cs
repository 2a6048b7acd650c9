using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.DirectMessages;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Members;

/// <summary>Everyone in the workspace but the actor, by name: whom a new conversation can be with.</summary>
public sealed record GetPeople(Guid ActorId) : IQuery<IReadOnlyList<Participant>>, IActorRequest;

public sealed class GetPeopleHandler(WorkspaceDb db) : IQueryHandler<GetPeople, IReadOnlyList<Participant>>
{
    public async ValueTask<IReadOnlyList<Participant>> Handle(GetPeople query, CancellationToken cancellationToken)
    {
        await db.ActorAsync(query.ActorId, cancellationToken);
        return await db.Users.Where(u => u.Id != query.ActorId)
            .OrderBy(u => u.DisplayName)
            .Select(u => new Participant(u.Id, u.Handle, u.DisplayName))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
    }
}
