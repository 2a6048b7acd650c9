namespace Workspace.Domain.Persistence;

/// <summary>
/// SQLite in its multi-thread mode, for the whole process. In the serialized mode SQLite starts in, a connection takes
/// its mutex around every call, every column of every row read included: a tenth of the CPU of a page of history
/// (docs/benchmarks.md, history). The app never uses one connection from two threads at once: an ADO.NET connection
/// and an EF Core context serve one flow at a time, the group commit's writer has a connection of its own, and the
/// only call made from another thread, a command's cancel (<c>sqlite3_interrupt</c>), is safe in every mode.
/// </summary>
internal static class SqliteThreading
{
    // The mode can only be chosen before SQLite first initializes, that is before the process opens its first
    // connection; in a host that opened one earlier, SQLite stays serialized (and this is false).
    private static readonly Lazy<bool> Configured = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        return SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MULTITHREAD) == SQLitePCL.raw.SQLITE_OK;
    });

    /// <summary>Chooses the multi-thread mode if SQLite has not started yet; whether SQLite is in it.</summary>
    public static bool UseMultiThreadMode() => Configured.Value;
}
