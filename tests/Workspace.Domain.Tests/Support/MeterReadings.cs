using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Workspace.Domain.Common;

namespace Workspace.Domain.Tests.Support;

/// <summary>
/// Sums what the workspace's instruments record, for the meters of one app instance only: other tests running at the
/// same time have meters of the same name.
/// </summary>
public sealed class MeterReadings : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new();

    public MeterReadings(IMeterFactory meters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == WorkspaceMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meters))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _totals.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        _listener.Start();
    }

    public long Total(string instrument) => _totals.GetValueOrDefault(instrument);

    /// <summary>
    /// The total once it reaches <paramref name="expected"/>, or as it is after a few seconds: a subscriber counts its
    /// delivery just after handing the event over, so a test that saw the event may be a moment early.
    /// </summary>
    public async Task<long> SettledTotalAsync(string instrument, long expected)
    {
        for (var waited = 0; waited < 5000 && Total(instrument) < expected; waited += 20)
            await Task.Delay(20, TestContext.Current.CancellationToken);
        return Total(instrument);
    }

    public void Dispose() => _listener.Dispose();
}
