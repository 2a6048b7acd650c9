using Mediator;
using Workspace.Domain.Authorization;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Profiles;

/// <summary>A person takes their status down before it expires.</summary>
public sealed record ClearStatus(Guid ActorId) : ICommand, IActorRequest;

public sealed class ClearStatusHandler(WorkspaceDb db) : ICommandHandler<ClearStatus>
{
    public async ValueTask<Unit> Handle(ClearStatus command, CancellationToken cancellationToken)
    {
        var me = await db.ActorAsync(command.ActorId, cancellationToken);
        me.ClearStatus();
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
