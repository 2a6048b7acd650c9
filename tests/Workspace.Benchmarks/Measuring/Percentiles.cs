namespace Workspace.Benchmarks.Measuring;

public static class Percentiles
{
    public static readonly double[] Chart = [50, 75, 90, 95, 99, 99.9, 100];

    /// <summary>Nearest-rank percentile of <paramref name="sorted"/> (ascending); NaN when empty.</summary>
    public static double Of(IReadOnlyList<double> sorted, double percentile)
    {
        if (sorted.Count == 0)
            return double.NaN;
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
