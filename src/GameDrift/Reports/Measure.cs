namespace GameDrift.Reports;

/// <summary>What a ratio plot shows for each cell: the best value of an image-metric column, or, when a sweep measured
/// no image metric, the final value of a training diagnostic as a stand-in (labelled as such).</summary>
public sealed record Measure(string Column, bool Best, bool StandIn)
{
    /// <summary>"best FID (inception)" or "final loss_d".</summary>
    public string Name => $"{(Best ? "best" : "final")} {MetricColumns.Describe(Column)}";

    public string Title => StandIn ? $"stand-in: {Name} (no image metric)" : $"{Name} vs lr ratio";

    public string YLabel => $"{Name}{(MetricColumns.IsImageMetric(Column) ? MetricColumns.LowerIsBetter(Column) ? ", lower is better" : ", higher is better" : "")}";

    /// <summary>The value of this measure for a cell, or null when not measured.</summary>
    public double? Of(SweepCell cell) => cell.Value(Column, Best);

    /// <summary>Every image-metric column of the sweep (from the cells' metrics.csv and sweep.csv's best_ columns), or
    /// the diagnostics stand-ins when there is none.</summary>
    public static IReadOnlyList<Measure> For(SweepRecord sweep)
    {
        var columns = sweep.Cells.SelectMany(c => c.Run.Metrics?.Columns ?? [])
            .Concat((sweep.Table?.Header ?? []).Where(h => h.StartsWith("best_", StringComparison.Ordinal)).Select(h => h[5..]))
            .Where(MetricColumns.IsImageMetric).Distinct().ToList();
        if (columns.Count > 0) return columns.Select(c => new Measure(c, true, false)).ToList();
        return MetricColumns.Diagnostics
            .Where(d => sweep.Cells.Any(c => c.Value(d, best: false).HasValue))
            .Select(d => new Measure(d, false, true)).ToList();
    }
}
