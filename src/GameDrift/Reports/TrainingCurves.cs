using GameDrift.Io.Plots;

namespace GameDrift.Reports;

/// <summary>Training curves: one panel per metrics column against step, one line per run (same colour in every
/// panel; the legend is in the first panel). Sparse columns (image metrics measured every few thousand steps) get
/// markers so single points show.</summary>
public static class TrainingCurves
{
    public static Canvas Render(IReadOnlyList<(string Label, MetricsTable Metrics)> runs, IReadOnlyList<string> columns,
        int panelColumns = 2, int panelWidth = 520, int panelHeight = 340)
    {
        if (columns.Count == 0) throw new ArgumentException("no metrics column to plot", nameof(columns));
        int cols = Math.Min(panelColumns, columns.Count);
        // Panels are composed by hand rather than with Figure so an odd last panel leaves blank space, not empty axes.
        var canvas = new Canvas(cols * panelWidth, (columns.Count + cols - 1) / cols * panelHeight);
        for (int k = 0; k < columns.Count; k++)
        {
            var plot = new Plot(panelWidth, panelHeight);
            plot.Title = MetricColumns.Describe(columns[k]);
            plot.XLabel = "step";
            plot.Legend = k == 0 && runs.Count > 0 ? LegendLocation.Best : LegendLocation.None;
            for (int r = 0; r < runs.Count; r++)
            {
                var (steps, values) = runs[r].Metrics.Series(columns[k]);
                var line = plot.Line(steps, values, runs[r].Label, Palette.Get(r),
                    marker: steps.Length <= 30 ? Marker.Circle : Marker.None);
                line.MarkerSize = 4;
            }
            EdgeOfStability.Mark(plot, columns[k], runs.SelectMany(r => r.Metrics.Series(columns[k]).Values));
            canvas.Blit(plot.Render(), k % cols * panelWidth, k / cols * panelHeight);
        }
        return canvas;
    }

    /// <summary>The columns worth a panel: those of <paramref name="wanted"/> with a finite value in some run, in that order
    /// (diagnostics that were switched off are logged as NaN).</summary>
    public static IReadOnlyList<string> Present(IEnumerable<MetricsTable> runs, IEnumerable<string> wanted)
    {
        var tables = runs.ToList();
        return wanted.Distinct().Where(c => tables.Any(t => t.Series(c).Values.Any(double.IsFinite))).ToList();
    }
}
