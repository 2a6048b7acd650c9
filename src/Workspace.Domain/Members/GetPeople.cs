using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Authorization;
using Workspace.Domain.DirectMessages;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Members;

/// <summary>Everyone the actor can start a conversation with, by name (for a guest, the people in its channels).</summary>
public sealed record GetPeople(Guid ActorId) : IQuery<IReadOnlyList<Participant>>, IActorRequest;

public sealed class GetPeopleHandler(WorkspaceDb db) : IQueryHandler<GetPeople, IReadOnlyList<Participant>>
{
    public async ValueTask<IReadOnlyList<Participant>> Handle(GetPeople query, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(query.ActorId, cancellationToken);
        return await db.PeopleKnownTo(actor).Where(u => u.Id != actor.Id)
            .OrderBy(u => u.DisplayName)
            .Select(u => new Participant(u.Id, u.Handle, u.DisplayName))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
    }
}
