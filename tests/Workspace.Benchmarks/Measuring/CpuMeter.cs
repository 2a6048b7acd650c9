using System.Diagnostics;

namespace Workspace.Benchmarks.Measuring;

/// <summary>
/// CPU used between <see cref="Start"/> and <see cref="Stop"/>, as a share of one core: the generator's own (this
/// process), another process's (from /proc/{pid}/stat), and how busy one core was altogether (from /proc/stat).
/// </summary>
public sealed class CpuMeter
{
    private const double ClockTicksPerSecond = 100; // USER_HZ, 100 on every Linux build that .NET runs on
    private readonly int? otherPid;
    private readonly int core;
    private long started;
    private TimeSpan selfStart;
    private double otherStart;
    private (double Busy, double Total) coreStart;

    private CpuMeter(int? otherPid, int core)
    {
        this.otherPid = otherPid;
        this.core = core;
    }

    public static CpuMeter Start(int? otherPid, int core)
    {
        var meter = new CpuMeter(otherPid, core);
        meter.started = Stopwatch.GetTimestamp();
        meter.selfStart = Process.GetCurrentProcess().TotalProcessorTime;
        meter.otherStart = ProcessSeconds(otherPid);
        meter.coreStart = CoreTicks(core);
        return meter;
    }

    public CpuShares Stop()
    {
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var self = (Process.GetCurrentProcess().TotalProcessorTime - selfStart).TotalSeconds / wall;
        var other = (ProcessSeconds(otherPid) - otherStart) / wall;
        var (busy, total) = CoreTicks(core);
        var coreBusy = total > coreStart.Total ? (busy - coreStart.Busy) / (total - coreStart.Total) : double.NaN;
        return new CpuShares(wall, self, otherPid is null ? null : other, coreBusy);
    }

    private static double ProcessSeconds(int? pid)
    {
        if (pid is null || !File.Exists($"/proc/{pid}/stat"))
            return 0;
        // The command name may hold spaces, so fields are counted after its closing parenthesis: utime and stime
        // are fields 14 and 15 of the line, the 12th and 13th after it.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (double.Parse(fields[11]) + double.Parse(fields[12])) / ClockTicksPerSecond;
    }

    private static (double Busy, double Total) CoreTicks(int core)
    {
        if (!File.Exists("/proc/stat"))
            return (0, 0);
        var line = File.ReadLines("/proc/stat").FirstOrDefault(l => l.StartsWith($"cpu{core} ", StringComparison.Ordinal));
        if (line is null)
            return (0, 0);
        var ticks = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(double.Parse).ToArray();
        var idle = ticks[3] + ticks[4]; // idle + iowait
        var total = ticks.Take(8).Sum(); // guest time is already counted in user time
        return (total - idle, total);
    }
}

/// <param name="Generator">This process's CPU as a share of one core.</param>
/// <param name="Server">The server process's CPU as a share of one core, when one was watched.</param>
/// <param name="ServerCoreBusy">How busy the server's core was, by anyone (a shared machine shows here).</param>
public sealed record CpuShares(double WallSeconds, double Generator, double? Server, double ServerCoreBusy)
{
    /// <summary>A generator that used more than this of its core may have been the bottleneck: the run is invalid.</summary>
    public const double Saturated = 0.9;

    public bool GeneratorSaturated => Generator > Saturated;

    public string Describe() =>
        $"generator CPU {Generator:P0} of its core{(GeneratorSaturated ? " (SATURATED: run invalid)" : "")}" +
        (Server is { } server ? $", server process CPU {server:P0} of a core" : "") +
        (double.IsNaN(ServerCoreBusy) ? "" : $", server core busy {ServerCoreBusy:P0}") + $", {WallSeconds:F1} s";
}
