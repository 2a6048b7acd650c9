using Workspace.Domain.Persistence;

namespace Workspace.Benchmarks.Scenarios;

/// <param name="Smoke">Tiny sizes, nothing judged: CI's check that the suite runs and its audits pass.</param>
/// <param name="WorkDirectory">Where databases and server files go; removed by whoever made it.</param>
/// <param name="PostgresServer">Npgsql connection string to a server where databases may be created; null skips PostgreSQL.</param>
/// <param name="Pin">Server on <see cref="ServerCore"/>, generator on <see cref="GeneratorCore"/> (taskset); off in smoke runs.</param>
/// <param name="LoadSeconds">How long a load scenario measures, when not its default (longer for profiling, say).</param>
/// <param name="Web">Another build of the app to measure (its Workspace.Web.dll), to put a before beside an after on one day.</param>
/// <param name="Sizes">Replaces a scenario's own sizes (subscribers, circuits), for a quicker look while working on one.</param>
/// <param name="Messages">Replaces how many messages the fan-out sender posts.</param>
public sealed record BenchContext(bool Smoke, string WorkDirectory, string? PostgresServer, bool Pin, TextWriter Log, double? LoadSeconds = null,
    string? Web = null, int[]? Sizes = null, int? Messages = null)
{
    public const int ServerCore = 0;
    public const int GeneratorCore = 1;

    /// <summary>
    /// The machine's cores. Not <see cref="Environment.ProcessorCount"/>: that counts the cores this process may use, one
    /// under bench.sh's taskset, and the server was then left on the generator's core.
    /// </summary>
    public static int MachineCores =>
        File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").Count(l => l.StartsWith("processor", StringComparison.Ordinal)) : Environment.ProcessorCount;

    /// <summary>The app, run as its own process the way the container runs it.</summary>
    public static string ServerDll => typeof(global::Program).Assembly.Location;

    public string WebDll => Web ?? ServerDll;

    /// <summary>The core to pin a server to, or null when nothing is pinned.</summary>
    public int? ServerPin => Pin ? ServerCore : null;

    public IEnumerable<DatabaseProvider> Providers =>
        PostgresServer is null ? [DatabaseProvider.Sqlite] : [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    public void Say(string line) => Log.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");
}
