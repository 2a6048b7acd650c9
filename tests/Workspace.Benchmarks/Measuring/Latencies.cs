using System.Diagnostics;

namespace Workspace.Benchmarks.Measuring;

/// <summary>Durations of one kind of operation, in milliseconds, and their percentiles (nearest rank).</summary>
public sealed class Latencies
{
    private readonly List<double> milliseconds = [];

    public int Count => milliseconds.Count;

    /// <summary>Collections (of any generation) that ran during the measured operations; each pauses the one it lands in.</summary>
    public int Collections { get; private set; }

    /// <summary>Bytes this process allocated per measured operation (what decides how often a collection comes).</summary>
    public double AllocatedPerOperation { get; private set; }

    /// <summary>For a run's notes: a collection pauses the operation it lands in, so the tail follows these.</summary>
    public string AllocationNote => $"{AllocatedPerOperation / 1024:N1} KB allocated per query, {Collections} collections in {Count:N0} queries";

    public void Add(long startTimestamp) => milliseconds.Add(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);

    public void AddRange(Latencies other) => milliseconds.AddRange(other.milliseconds);

    public double Percentile(double p)
    {
        milliseconds.Sort();
        return Percentiles.Of(milliseconds, p);
    }

    public double P50 => Percentile(50);
    public double P99 => Percentile(99);

    public IReadOnlyList<(string, double)> ChartPoints() =>
        [("p50", Percentile(50)), ("p90", Percentile(90)), ("p99", Percentile(99)), ("p99.9", Percentile(99.9)), ("max", Percentile(100))];

    /// <summary>
    /// Runs <paramref name="operation"/> at least <paramref name="warmUp"/> times unmeasured, and on until this process's
    /// JIT has gone quiet when <paramref name="untilJitQuiet"/> (see <see cref="JitWarmUp"/>: on one core, tiered
    /// compilation takes seconds to minutes to optimize the hot methods), then <paramref name="count"/> times measured.
    /// </summary>
    public static async Task<Latencies> MeasureAsync(int warmUp, int count, Func<int, Task> operation, bool untilJitQuiet = true)
    {
        for (var i = 0; i < warmUp; i++)
            await operation(i);
        if (untilJitQuiet)
            await JitWarmUp.RunInProcessAsync(i => operation(i % Math.Max(warmUp, 1)));
        var latencies = new Latencies();
        var (collections, allocated) = (GC.CollectionCount(0), GC.GetTotalAllocatedBytes(precise: true));
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await operation(i);
            latencies.Add(start);
        }
        latencies.Collections = GC.CollectionCount(0) - collections;
        latencies.AllocatedPerOperation = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)Math.Max(count, 1);
        return latencies;
    }
}
