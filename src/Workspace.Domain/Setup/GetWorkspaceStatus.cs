using Mediator;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Setup;

/// <summary>What anyone may know before signing in: whether the workspace exists and how it presents itself.</summary>
/// <param name="Logo">The logo's version for its link, or null while there is none.</param>
public sealed record WorkspaceStatus(bool IsSetUp, string? Name, string Description = "", long? Logo = null);

public sealed record GetWorkspaceStatus : IQuery<WorkspaceStatus>;

public sealed class GetWorkspaceStatusHandler(WorkspaceDb db) : IQueryHandler<GetWorkspaceStatus, WorkspaceStatus>
{
    public async ValueTask<WorkspaceStatus> Handle(GetWorkspaceStatus query, CancellationToken cancellationToken) =>
        await db.Settings.Select(s => new WorkspaceStatus(true, s.Name, s.Description, s.HasLogo ? s.LogoVersion : null))
            .SingleOrDefaultAsync(cancellationToken)
        ?? new WorkspaceStatus(false, null);
}
