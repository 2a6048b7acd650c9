using System.IO.Compression;
using Microsoft.EntityFrameworkCore;

namespace Workspace.Domain.Persistence;

/// <summary>
/// Online backups of a SQLite workspace. <c>VACUUM INTO</c> copies the database inside one read transaction, so the
/// copy is the database as of one commit, whatever is written meanwhile: in WAL mode writers go on and are neither
/// blocked nor half-included. A backup archive is that copy as <see cref="DatabaseEntry"/> plus the uploads under
/// <see cref="FilesFolder"/>, which is how a restore lays them out again.
/// </summary>
public static class SqliteBackup
{
    public const string DatabaseEntry = "workspace.db";
    public const string FilesFolder = "files/";

    /// <summary>Where backups are put together under the storage path; never part of an archive.</summary>
    public const string WorkFolder = ".backups";

    /// <summary>Writes a consistent copy of the database to <paramref name="target"/>, replacing what is there.</summary>
    public static async Task WriteDatabaseAsync(WorkspaceDb db, string target, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(target);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // VACUUM INTO refuses an existing file, and a copy cut short must never sit where a good one is expected.
        var partial = $"{full}.{Guid.NewGuid():N}.part";
        try
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", [partial], cancellationToken);
            // SQLite does not sync the file VACUUM INTO wrote; a backup that a power cut can undo is no backup.
            await using (var written = new FileStream(partial, FileMode.Open, FileAccess.ReadWrite))
                written.Flush(flushToDisk: true);
            File.Move(partial, full, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>Writes a zip of a consistent copy of the database and every uploaded file to <paramref name="target"/>.</summary>
    public static async Task WriteArchiveAsync(WorkspaceDb db, string storagePath, string target, CancellationToken cancellationToken)
    {
        var storage = Path.GetFullPath(storagePath);
        var work = Path.Combine(storage, WorkFolder);
        Directory.CreateDirectory(work);
        var database = Path.Combine(work, $"{Guid.NewGuid():N}.db");
        var full = Path.GetFullPath(target);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var partial = $"{full}.{Guid.NewGuid():N}.part";
        try
        {
            await WriteDatabaseAsync(db, database, cancellationToken);
            await using (var output = new FileStream(partial, FileMode.CreateNew, FileAccess.Write))
            {
                await using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
                {
                    await zip.CreateEntryFromFileAsync(database, DatabaseEntry, CompressionLevel.Optimal, cancellationToken);
                    foreach (var file in UploadsIn(storage, work))
                        await zip.CreateEntryFromFileAsync(file,
                            FilesFolder + Path.GetRelativePath(storage, file).Replace(Path.DirectorySeparatorChar, '/'),
                            CompressionLevel.Fastest, cancellationToken);
                }
                output.Flush(flushToDisk: true);
            }
            File.Move(partial, full, overwrite: true);
        }
        finally
        {
            File.Delete(database);
            File.Delete(partial);
        }
    }

    /// <summary>Removes what a backup interrupted by a crash or a dropped download left behind.</summary>
    public static void RemoveLeftovers(string storagePath, TimeSpan olderThan)
    {
        var work = Path.Combine(Path.GetFullPath(storagePath), WorkFolder);
        if (!Directory.Exists(work))
            return;
        foreach (var file in new DirectoryInfo(work).EnumerateFiles())
            if (file.LastWriteTimeUtc < DateTime.UtcNow - olderThan)
                file.Delete();
    }

    // Pictures are written aside as *.part and moved into place (StorageOptions.WriteAtomicallyAsync): a half-written
    // one is not a file of the workspace yet.
    private static IEnumerable<string> UploadsIn(string storage, string work) =>
        Directory.EnumerateFiles(storage, "*", SearchOption.AllDirectories)
            .Where(file => !file.StartsWith(work + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !file.EndsWith(".part", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
}
