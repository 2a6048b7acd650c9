using System.Diagnostics;
using System.Text;
using Workspace.Benchmarks.Measuring;

namespace Workspace.Benchmarks.FanOut;

/// <summary>
/// When each message was acknowledged to its sender and when each subscriber first saw it, all on the generator's
/// clock. A message is known by a marker in its text (<c>fanout-{run}-{n}</c>) that a subscriber finds wherever the
/// message reaches it: in an event's JSON, in a render batch's bytes, in a hub message, in a page's DOM. Warm-up
/// messages, posted before the measured ones and not timed, carry <c>warmup-{run}-{n}</c> instead.
/// </summary>
public sealed class ReceiptBook
{
    private const int Digits = 5;

    private readonly long[] acked;
    private readonly long[][] received;
    private readonly int[] warmedUp;
    private readonly byte[] prefixBytes;
    private readonly byte[] warmUpPrefixBytes;
    private int outstanding;
    private readonly TaskCompletionSource allReceived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ReceiptBook(int subscribers, int messages)
    {
        var run = $"{Random.Shared.Next(0x10000000, int.MaxValue):x8}-";
        Prefix = "fanout-" + run;
        WarmUpPrefix = "warmup-" + run;
        prefixBytes = Encoding.UTF8.GetBytes(Prefix);
        warmUpPrefixBytes = Encoding.UTF8.GetBytes(WarmUpPrefix);
        acked = new long[messages];
        received = [.. Enumerable.Range(0, subscribers).Select(_ => new long[messages])];
        warmedUp = new int[subscribers];
        outstanding = subscribers * messages;
    }

    public string Prefix { get; }
    public string WarmUpPrefix { get; }
    public int Messages => acked.Length;
    public int Subscribers => received.Length;

    /// <summary>Completes once every subscriber has seen every message.</summary>
    public Task AllReceived => allReceived.Task;

    public string Text(int message) => $"{Prefix}{message.ToString($"D{Digits}")} deploy finished: all checks green, ready for review";

    /// <summary>A warm-up message: the same length and shape as a measured one.</summary>
    public string WarmUpText(int message) => $"{WarmUpPrefix}{message.ToString($"D{Digits}")} deploy finished: all checks green, ready for review";

    public void Acknowledged(int message) => acked[message] = Stopwatch.GetTimestamp();

    /// <summary>Records every marker in <paramref name="utf8"/> as seen now by <paramref name="subscriber"/>.</summary>
    public void Scan(int subscriber, ReadOnlySpan<byte> utf8)
    {
        var now = Stopwatch.GetTimestamp();
        for (var rest = utf8; NextMarker(ref rest, prefixBytes) is { } message;)
            Receive(subscriber, message, now);
        for (var rest = utf8; NextMarker(ref rest, warmUpPrefixBytes) is { } message;)
            if ((uint)subscriber < (uint)warmedUp.Length && message >= 0)
                InterlockedMax(ref warmedUp[subscriber], message + 1);
    }

    public void Scan(int subscriber, string text) => Scan(subscriber, Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// Waits until every subscriber in <paramref name="range"/> has seen the first <paramref name="count"/> warm-up
    /// messages (they arrive in order: the last one is enough); false when <paramref name="patience"/> ran out first.
    /// </summary>
    public async Task<bool> WarmedUpAsync(Range range, int count, TimeSpan patience, CancellationToken cancel)
    {
        var started = Stopwatch.GetTimestamp();
        while (warmedUp[range].Any(seen => seen < count))
        {
            if (Stopwatch.GetElapsedTime(started) > patience)
                return false;
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancel);
        }
        return true;
    }

    /// <summary>The number of the next marker with <paramref name="prefix"/> in <paramref name="rest"/>, which moves past it; null when none is left.</summary>
    private static int? NextMarker(ref ReadOnlySpan<byte> rest, byte[] prefix)
    {
        while (rest.IndexOf(prefix) is var at and >= 0)
        {
            rest = rest[(at + prefix.Length)..];
            if (rest.Length >= Digits && int.TryParse(rest[..Digits], out var message))
                return message;
        }
        return null;
    }

    private static void InterlockedMax(ref int location, int value)
    {
        for (var seen = Volatile.Read(ref location); seen < value; seen = Volatile.Read(ref location))
            if (Interlocked.CompareExchange(ref location, value, seen) == seen)
                return;
    }

    /// <summary>
    /// A receipt timed on the wall clock of this machine (a browser's <c>timeOrigin + performance.now()</c>), moved to
    /// the generator's clock by the two clocks' difference now, moments after the receipt.
    /// </summary>
    public void ReceivedAtEpoch(int subscriber, int message, double epochMs)
    {
        var now = Stopwatch.GetTimestamp();
        var ago = ((DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds - epochMs) * Stopwatch.Frequency / 1000;
        Receive(subscriber, message, now - (long)ago);
    }

    /// <summary>
    /// Latencies in ms of the subscribers in <paramref name="range"/>, sorted, and the share of receipts that arrived. A
    /// message can reach a subscriber before its sender has read the acknowledgement; that counts as 0 ms.
    /// </summary>
    public (List<double> Sorted, double ReceivedShare) Summarize(Range range)
    {
        var latencies = new List<double>();
        var expected = 0;
        foreach (var subscriber in received[range])
            for (var message = 0; message < acked.Length; message++)
            {
                if (acked[message] == 0)
                    continue;
                expected++;
                if (subscriber[message] != 0)
                    latencies.Add(Math.Max(0, (subscriber[message] - acked[message]) * 1000.0 / Stopwatch.Frequency));
            }
        latencies.Sort();
        return (latencies, expected == 0 ? 0 : (double)latencies.Count / expected);
    }

    public static List<(string Percentile, double Milliseconds)> Points(IReadOnlyList<double> sorted) =>
        [.. Percentiles.Chart.Select(p => (p == 100 ? "max" : $"p{p}", Percentiles.Of(sorted, p)))];

    private void Receive(int subscriber, int message, long timestamp)
    {
        if ((uint)message >= (uint)acked.Length || (uint)subscriber >= (uint)received.Length)
            return;
        if (Interlocked.CompareExchange(ref received[subscriber][message], timestamp, 0) == 0
            && Interlocked.Decrement(ref outstanding) == 0)
            allReceived.TrySetResult();
    }
}
