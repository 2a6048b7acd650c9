using System.Diagnostics.Metrics;

namespace Workspace.Domain.Common;

/// <summary>
/// The product's own instruments, on one meter that the host exports (as Prometheus at /metrics). Made through
/// <see cref="IMeterFactory"/> so that each app instance, a test server included, counts on its own.
/// </summary>
public sealed class WorkspaceMetrics
{
    public const string MeterName = "Workspace";

    private readonly Counter<long> _messagesPosted;
    private readonly Counter<long> _deliveries;
    private long _circuitsOpen;

    public WorkspaceMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _messagesPosted = meter.CreateCounter<long>("workspace.messages.posted", "{message}",
            "Messages stored, replies included; a repeated send is not counted again.");
        _deliveries = meter.CreateCounter<long>("workspace.deliveries", "{event}",
            "Live events handed to subscribers (open pages and event streams).");
        // Observed rather than counted up and down: a listener that starts late (or listens to several hosts in one
        // process, as the tests run them) still reads how many are open now.
        meter.CreateObservableUpDownCounter("workspace.circuits.open", () => Interlocked.Read(ref _circuitsOpen), "{circuit}",
            "Interactive pages with a live connection to this server.");
    }

    public void MessagePosted() => _messagesPosted.Add(1);

    public void EventDelivered() => _deliveries.Add(1);

    public void CircuitOpened() => Interlocked.Increment(ref _circuitsOpen);

    public void CircuitClosed() => Interlocked.Decrement(ref _circuitsOpen);
}
