using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workspace.Domain.Audit;
using Workspace.Domain.Authorization;
using Workspace.Domain.Common;
using Workspace.Domain.Members;
using Workspace.Domain.Persistence;

namespace Workspace.Domain.Admin;

/// <summary>
/// An admin takes a backup of a SQLite workspace: a zip of a consistent copy of the database and the uploaded files
/// (see <see cref="SqliteBackup"/>). Returns the archive's path, a file of its own that the caller hands on and deletes.
/// </summary>
public sealed record BackUpWorkspace(Guid ActorId) : ICommand<string>, IActorRequest;

public sealed class BackUpWorkspaceHandler(WorkspaceDb db, AuditLog audit, IOptions<StorageOptions> storage)
    : ICommandHandler<BackUpWorkspace, string>
{
    public const string PostgresNotice =
        "This workspace keeps its data in PostgreSQL: back it up with pg_dump, and the uploads folder beside it.";

    /// <summary>A download that takes longer than this has long been abandoned.</summary>
    private static readonly TimeSpan Abandoned = TimeSpan.FromHours(6);

    public async ValueTask<string> Handle(BackUpWorkspace command, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
            throw new DomainException(PostgresNotice);
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var settings = await db.Settings.SingleAsync(cancellationToken);
        var storagePath = storage.Value.Path;
        SqliteBackup.RemoveLeftovers(storagePath, Abandoned);
        var archive = Path.Combine(Path.GetFullPath(storagePath), SqliteBackup.WorkFolder, $"{Guid.NewGuid():N}.zip");
        await SqliteBackup.WriteArchiveAsync(db, storagePath, archive, cancellationToken);
        try
        {
            audit.Add(actor, AuditActions.WorkspaceBackedUp, settings.Name, $"{new FileInfo(archive).Length:N0} bytes");
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            File.Delete(archive);
            throw;
        }
        return archive;
    }
}
