using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Workspace.Domain.Persistence;

namespace Workspace.Web.Hosting;

/// <summary>
/// /readyz: this instance can serve, meaning its database answers and has every migration the code expects. A load
/// balancer sends no traffic until then; /healthz only says the process is alive. Migrations run at start and the
/// schema never goes back, so once all are applied the answer is kept and later checks only ask the database to answer.
/// </summary>
public sealed class Readiness
{
    private volatile bool _migrated;

    /// <returns>Null when ready, otherwise why not, in a line an operator can act on.</returns>
    public async Task<string?> ProblemAsync(WorkspaceDb db, CancellationToken cancellationToken)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
                return "The database cannot be reached.";
            if (_migrated)
                return null;
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
                return $"The database is missing {pending.Count} migration(s), the first {pending[0]}.";
            _migrated = true;
            return null;
        }
        catch (DbException e)
        {
            return $"The database cannot be read: {e.Message}";
        }
    }
}
