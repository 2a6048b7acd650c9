using Workspace.Benchmarks.Measuring;
using Workspace.Benchmarks.Scenarios;

namespace Workspace.Benchmarks.FanOut;

/// <summary>What one kind of subscriber saw in a run of <paramref name="RunSize"/> subscribers (the load client's count).</summary>
public sealed record FanOutMeasurement(string Kind, int RunSize, int Subscribers, IReadOnlyList<double> Sorted, double ReceivedShare,
    double SendRate, double GeneratorCpu, double ServerCpu)
{
    public double P50 => Percentiles.Of(Sorted, 50);
    public double P99 => Percentiles.Of(Sorted, 99);
    public double Max => Sorted.Count == 0 ? double.NaN : Sorted[^1];
    public bool GeneratorSaturated => GeneratorCpu > CpuShares.Saturated;

    public string Label => Subscribers == RunSize ? Kind : $"{Kind} ({Subscribers})";

    public LatencySeries Series => new("fanout", $"{Label}, {RunSize}", ReceiptBook.Points(Sorted));

    public override string ToString() =>
        $"{Label} in a run of {RunSize}: p50 {P50:F2} ms, p99 {P99:F2} ms, max {Max:F2} ms, received {ReceivedShare:P1}, " +
        $"sent {SendRate:F1}/s, generator CPU {GeneratorCpu:P0}, server CPU {ServerCpu:P0}";
}

public static class FanOutRun
{
    /// <summary>How long stragglers may take after the last acknowledgement before they count as lost.</summary>
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Posts every message of <paramref name="book"/> while the subscribers listen, waits for the last receipts, and
    /// summarizes each kind, with the CPU the generator and the server used meanwhile.
    /// </summary>
    public static async Task<List<FanOutMeasurement>> MeasureAsync(int runSize, ReceiptBook book, Func<int, CancellationToken, Task> post, int serverPid,
        IReadOnlyList<(string Kind, Range Subscribers)> kinds, CancellationToken cancel)
    {
        var cpu = CpuMeter.Start(serverPid, BenchContext.ServerCore);
        var rate = await Posting.RunAsync(book, post, cancel);
        await Task.WhenAny(book.AllReceived, Task.Delay(Drain, cancel));
        var shares = cpu.Stop();
        var (generatorCpu, serverCpu) = (shares.Generator, shares.Server ?? double.NaN);
        return [.. kinds.Select(kind =>
        {
            var (sorted, share) = book.Summarize(kind.Subscribers);
            return new FanOutMeasurement(kind.Kind, runSize, kind.Subscribers.GetOffsetAndLength(book.Subscribers).Length, sorted, share, rate,
                generatorCpu, serverCpu);
        })];
    }

    /// <summary>Runs <paramref name="open"/> for each index, a few at a time, as a crowd arriving rather than a stampede.</summary>
    public static async Task<T[]> OpenAllAsync<T>(int count, Func<int, Task<T>> open, CancellationToken cancel)
    {
        var opened = new T[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancel },
            async (i, _) => opened[i] = await open(i));
        return opened;
    }
}
