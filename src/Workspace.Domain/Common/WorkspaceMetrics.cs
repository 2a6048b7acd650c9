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
    private readonly UpDownCounter<long> _circuitsOpen;

    public WorkspaceMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _messagesPosted = meter.CreateCounter<long>("workspace.messages.posted", "{message}",
            "Messages stored, replies included; a repeated send is not counted again.");
        _deliveries = meter.CreateCounter<long>("workspace.deliveries", "{event}",
            "Live events handed to subscribers (open pages and event streams).");
        _circuitsOpen = meter.CreateUpDownCounter<long>("workspace.circuits.open", "{circuit}",
            "Interactive pages with a live connection to this server.");
    }

    public void MessagePosted() => _messagesPosted.Add(1);

    public void EventDelivered() => _deliveries.Add(1);

    public void CircuitOpened() => _circuitsOpen.Add(1);

    public void CircuitClosed() => _circuitsOpen.Add(-1);
}
