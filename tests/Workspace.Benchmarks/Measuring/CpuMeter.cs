using System.Diagnostics;

namespace Workspace.Benchmarks.Measuring;

/// <summary>
/// The CPU a process used over a stretch of wall time, as a share of one core: the load generator's own (a run where it
/// is near saturation measured the generator, not the server) and the server's, read from /proc.
/// </summary>
public sealed class CpuMeter
{
    /// <summary>Past this share of its core the generator may be the bottleneck and the run is marked invalid.</summary>
    public const double SaturatedShare = 0.9;

    private readonly Func<TimeSpan> read;
    private readonly TimeSpan startCpu;
    private readonly long startWall;

    private CpuMeter(Func<TimeSpan> read)
    {
        this.read = read;
        startCpu = read();
        startWall = Stopwatch.GetTimestamp();
    }

    public static CpuMeter Self() => new(() =>
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    });

    public static CpuMeter OfProcess(int pid) => new(() => ProcessCpu(pid));

    /// <summary>Cores' worth of CPU used since the start (1.0 = one core busy all the time).</summary>
    public double Share() => (read() - startCpu) / Stopwatch.GetElapsedTime(startWall);

    /// <summary>utime + stime from /proc/PID/stat, in clock ticks of 1/100 s (Linux's USER_HZ).</summary>
    private static TimeSpan ProcessCpu(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return TimeSpan.FromMilliseconds((long.Parse(fields[11]) + long.Parse(fields[12])) * 10);
    }
}
