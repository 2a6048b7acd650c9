using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Setup;

public sealed record WorkspaceStatus(bool IsSetUp, string? Name);

public sealed record GetWorkspaceStatus : IQuery<WorkspaceStatus>;

public sealed class GetWorkspaceStatusHandler(WorkspaceDb db) : IQueryHandler<GetWorkspaceStatus, WorkspaceStatus>
{
    public async ValueTask<WorkspaceStatus> Handle(GetWorkspaceStatus query, CancellationToken cancellationToken)
    {
        var name = await db.Settings.Select(s => s.Name).SingleOrDefaultAsync(cancellationToken);
        return new WorkspaceStatus(name is not null, name);
    }
}
