using Microsoft.Data.Sqlite;
using Workspace.Domain.Common;
using Workspace.Domain.Persistence;

namespace Workspace.Web.Hosting;

/// <summary>
/// `dotnet Workspace.Web.dll --backup /path/backup.db` writes a consistent copy of the SQLite database while the
/// server keeps running (a path ending in .zip also takes the uploads, as the admin page's download does). It reads
/// the same settings as the server and starts no web host. Exits 0 when written, 1 when the backup failed, 2 when
/// asked wrongly or when the database is PostgreSQL, whose tool is pg_dump.
/// </summary>
public static class BackupCommandLine
{
    public const string Argument = "--backup";

    public static async Task<int> RunAsync(string[] args)
    {
        var at = Array.IndexOf(args, Argument);
        if (at + 1 >= args.Length || args[at + 1].StartsWith("--", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("Usage: dotnet Workspace.Web.dll --backup /path/to/backup.db (or .zip to take the uploads too)");
            return 2;
        }
        var target = Path.GetFullPath(args[at + 1]);
        // The remaining arguments are settings, as for the server (e.g. --ConnectionStrings:Workspace=...).
        var configuration = WebApplication.CreateBuilder(args.Where((_, i) => i != at && i != at + 1).ToArray()).Configuration;
        try
        {
            var provider = DatabaseSetup.ProviderFrom(configuration);
            var connectionString = configuration.GetConnectionString("Workspace");
            if (provider == DatabaseProvider.Postgres)
            {
                Console.Error.WriteLine("The database is PostgreSQL: back it up with pg_dump, e.g.");
                Console.Error.WriteLine("  pg_dump --format=custom --no-owner --file=workspace.dump \"postgresql://USER:PASSWORD@HOST/DATABASE\"");
                Console.Error.WriteLine("and copy the uploads folder (Storage:Path) beside it. See docs/self-hosting.md.");
                return 2;
            }
            var source = Path.GetFullPath(new SqliteConnectionStringBuilder(
                string.IsNullOrWhiteSpace(connectionString) ? DatabaseSetup.DefaultSqliteConnection : connectionString).DataSource);
            // Opening a missing file would create an empty database and "back up" nothing.
            if (!File.Exists(source))
            {
                Console.Error.WriteLine($"Backup failed: there is no database at {source} (ConnectionStrings:Workspace).");
                return 1;
            }
            await using var services = new ServiceCollection().AddLogging()
                .AddWorkspaceDatabase(provider, connectionString, DatabaseSetup.SqliteSynchronousFrom(configuration))
                .BuildServiceProvider();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
            if (target.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
                await SqliteBackup.WriteArchiveAsync(db, storage.Path, target, CancellationToken.None);
            }
            else
                await SqliteBackup.WriteDatabaseAsync(db, target, CancellationToken.None);
            Console.WriteLine($"Backed up {source} to {target} ({new FileInfo(target).Length:N0} bytes).");
            return 0;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            Console.Error.WriteLine($"Backup failed: {e.Message}");
            return 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }
}
