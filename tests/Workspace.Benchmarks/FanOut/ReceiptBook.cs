using System.Diagnostics;
using System.Text;
using Workspace.Benchmarks.Measuring;

namespace Workspace.Benchmarks.FanOut;

/// <summary>
/// When each message was acknowledged to its sender and when each subscriber first saw it, all on the generator's
/// clock. A message is known by a marker in its text (<c>fanout-{run}-{n}</c>) that a subscriber finds wherever the
/// message reaches it: in an event's JSON, in a render batch's bytes, in a hub message, in a page's DOM.
/// </summary>
public sealed class ReceiptBook
{
    private const int Digits = 5;

    private readonly long[] acked;
    private readonly long[][] received;
    private readonly byte[] prefixBytes;
    private int outstanding;
    private readonly TaskCompletionSource allReceived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ReceiptBook(int subscribers, int messages)
    {
        Prefix = $"fanout-{Random.Shared.Next(0x10000000, int.MaxValue):x8}-";
        prefixBytes = Encoding.UTF8.GetBytes(Prefix);
        acked = new long[messages];
        received = [.. Enumerable.Range(0, subscribers).Select(_ => new long[messages])];
        outstanding = subscribers * messages;
    }

    public string Prefix { get; }
    public int Messages => acked.Length;
    public int Subscribers => received.Length;

    /// <summary>Completes once every subscriber has seen every message.</summary>
    public Task AllReceived => allReceived.Task;

    public string Text(int message) => $"{Prefix}{message.ToString($"D{Digits}")} deploy finished: all checks green, ready for review";

    public void Acknowledged(int message) => acked[message] = Stopwatch.GetTimestamp();

    /// <summary>Records every marker in <paramref name="utf8"/> as seen now by <paramref name="subscriber"/>.</summary>
    public void Scan(int subscriber, ReadOnlySpan<byte> utf8)
    {
        var now = Stopwatch.GetTimestamp();
        for (var at = utf8.IndexOf(prefixBytes); at >= 0; )
        {
            var digits = utf8.Slice(at + prefixBytes.Length);
            if (digits.Length >= Digits && int.TryParse(Encoding.ASCII.GetString(digits[..Digits]), out var message))
                Receive(subscriber, message, now);
            var next = digits.IndexOf(prefixBytes);
            at = next < 0 ? -1 : at + prefixBytes.Length + next;
        }
    }

    public void Scan(int subscriber, string text) => Scan(subscriber, Encoding.UTF8.GetBytes(text));

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
