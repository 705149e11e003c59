using GameDrift.Io.Png;
using GameDrift.Reports.Charts;
using ScottPlot;

namespace GameDrift.Reports;

/// <summary>Training curves (ScottPlot): one panel per metrics column against step, one line per run (same colour in
/// every panel; the legend is in the first panel). Columns measured every few steps (drift-term norms, image
/// metrics) are drawn through their measured points only, so they are connected lines; sparse ones also get markers.
/// Optional smoothing (an exponential moving average, as TensorBoard's slider) and a log y axis for positive columns
/// spanning a decade or more.</summary>
public static class TrainingCurves
{
    public static PngImage Render(IReadOnlyList<(string Label, MetricsTable Metrics)> runs, IReadOnlyList<string> columns,
        int panelColumns = 2, int panelWidth = 520, int panelHeight = 340, double smoothing = 0, bool logY = false)
    {
        if (columns.Count == 0) throw new ArgumentException("no metrics column to plot", nameof(columns));
        var panels = new List<Plot>();
        for (int k = 0; k < columns.Count; k++)
        {
            var series = runs.Select(r => Finite(r.Metrics.Series(columns[k]))).ToList();
            // A log axis only where it shows something a linear one does not: positive values spanning a decade or more.
            // The edge-of-stability columns keep a linear axis: their mark is the line at 1.
            var all = series.SelectMany(s => s.Values).ToArray();
            bool log = logY && !EdgeOfStability.IsRatio(columns[k]) && all.Length > 0 && all.Min() > 0 && all.Max() >= 10 * all.Min();
            var plot = Chart.Lines(columns[k], "step", MetricColumns.Describe(columns[k]) + (log ? " (log)" : ""));
            for (int r = 0; r < runs.Count; r++)
            {
                var (steps, values) = series[r];
                if (steps.Length == 0) continue;
                var ys = Smooth(values, smoothing).Select(v => log ? Math.Log10(v) : v).ToArray();
                var line = plot.Add.ScatterLine(steps, ys, Palette(r));
                line.LineWidth = 1.5f;
                line.MarkerSize = steps.Length <= 30 ? 5 : 0;
            }
            // The first panel's legend names every run, also one without a value in that panel's column.
            if (k == 0)
                for (int r = 0; r < runs.Count; r++)
                    plot.Legend.ManualItems.Add(new LegendItem { LabelText = runs[r].Label, LineColor = Palette(r), LineWidth = 2 });
            EdgeOfStability.Mark(plot, columns[k], runs.SelectMany(r => r.Metrics.Series(columns[k]).Values));
            if (log) LogTicks.Y(plot, all.Min(), all.Max());
            if (k == 0 && runs.Count > 0) plot.ShowLegend(Alignment.UpperRight); else plot.HideLegend();
            panels.Add(plot);
        }
        return Chart.Grid(panels, panelColumns, panelWidth, panelHeight);
    }

    /// <summary>Tableau-10, the colours of the other plots.</summary>
    public static ScottPlot.Color Palette(int i) => new ScottPlot.Palettes.Category10().GetColor(i);

    /// <summary>Exponential moving average with weight <paramref name="alpha"/> on the past (0: none), debiased at the
    /// start as TensorBoard does.</summary>
    public static double[] Smooth(IReadOnlyList<double> values, double alpha)
    {
        if (alpha <= 0) return values.ToArray();
        var result = new double[values.Count];
        double acc = 0, weight = 0;
        for (int i = 0; i < values.Count; i++)
        {
            acc = alpha * acc + (1 - alpha) * values[i];
            weight = alpha * weight + (1 - alpha);
            result[i] = acc / weight;
        }
        return result;
    }

    private static (double[] Steps, double[] Values) Finite((double[] Steps, double[] Values) s)
    {
        var keep = Enumerable.Range(0, s.Steps.Length).Where(i => double.IsFinite(s.Values[i])).ToArray();
        return (keep.Select(i => s.Steps[i]).ToArray(), keep.Select(i => s.Values[i]).ToArray());
    }

    /// <summary>The columns worth a panel: those of <paramref name="wanted"/> with a finite value in some run, in that order
    /// (diagnostics that were switched off are logged as NaN).</summary>
    public static IReadOnlyList<string> Present(IEnumerable<MetricsTable> runs, IEnumerable<string> wanted)
    {
        var tables = runs.ToList();
        return wanted.Distinct().Where(c => tables.Any(t => t.Series(c).Values.Any(double.IsFinite))).ToList();
    }
}
