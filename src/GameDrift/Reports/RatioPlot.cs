using GameDrift.Io.Plots;

namespace GameDrift.Reports;

/// <summary>A measure against the lr ratio lr_d / lr_g (log x axis), one line per group: the mean over seeds with
/// bars from the smallest to the largest seed. A ratio where some seed diverged gets a cross in the line's colour
/// in a strip at the top of the plot; diverged seeds are left out of the mean. Lines sharing a ratio are nudged
/// apart slightly along x so their bars stay readable.</summary>
public static class RatioPlot
{
    public const string DivergedLabel = "diverged seed(s): x at top";

    public static Plot Render(IReadOnlyList<RatioCurve> curves, Measure measure, int width = 760, int height = 480)
    {
        var plot = new Plot(width, height)
        {
            Title = measure.Title,
            XLabel = "lr ratio lr_d / lr_g (log scale); mean of seeds, bars min-max",
            YLabel = measure.YLabel,
            XScale = Scale.Log,
            Legend = curves.Count > 4 ? LegendLocation.OutsideRight : LegendLocation.Best,
        };
        var finite = curves.SelectMany(c => c.Points).Where(p => p.Seeds > 0).SelectMany(p => new[] { p.Min, p.Max }).ToArray();
        var (lo, hi) = finite.Length > 0 ? (finite.Min(), finite.Max()) : (0.0, 1.0);
        var span = hi > lo ? hi - lo : Math.Max(Math.Abs(hi) * 0.1, 1e-3);
        if (hi == lo) { lo -= span / 2; hi += span / 2; }
        var anyDiverged = curves.Any(c => c.Points.Any(p => p.Diverged > 0));
        var top = hi + (anyDiverged ? 0.12 : 0.05) * span;
        plot.YLim = (lo - 0.05 * span, anyDiverged ? hi + 0.2 * span : top);

        var ratios = curves.SelectMany(c => c.Points).Select(p => Math.Log10(p.Ratio)).ToArray();
        var decades = ratios.Length > 0 ? Math.Max(ratios.Max() - ratios.Min(), 0.3) : 1;
        for (int i = 0; i < curves.Count; i++)
        {
            var color = Palette.Get(i);
            var nudge = Math.Pow(10, (i - (curves.Count - 1) / 2.0) * 0.012 * decades);
            var pts = curves[i].Points;
            var xs = pts.Select(p => p.Ratio * nudge).ToArray();
            var mean = pts.Select(p => p.Mean).ToArray();
            plot.ErrorBar(xs, mean, pts.Select(p => p.Mean - p.Min).ToArray(), pts.Select(p => p.Max - p.Mean).ToArray(), curves[i].Group, color);
            var diverged = pts.Select((p, k) => (p, k)).Where(x => x.p.Diverged > 0).Select(x => xs[x.k]).ToArray();
            if (diverged.Length > 0)
                plot.Scatter(diverged, diverged.Select(_ => top).ToArray(), color: color, size: 9, marker: Marker.Cross);
        }
        if (anyDiverged)
        {
            plot.HLine(hi + 0.05 * span, Rgb.Gray(170), LineStyle.Dotted);
            plot.Scatter([], [], DivergedLabel, Rgb.Gray(60), size: 9, marker: Marker.Cross);
        }
        return plot;
    }

    /// <summary>The lines of <paramref name="measure"/> over the sweep's cells that have a ratio and are not still
    /// running (a running cell's value is not final) nor failed.</summary>
    public static IReadOnlyList<RatioCurve> Curves(SweepRecord sweep, Measure measure) =>
        RatioCurves.Aggregate(sweep.Cells
            .Where(c => c.LrRatio.HasValue && c.State is not ("running" or "failed"))
            .Select(c => new CellValue(sweep.Group(c), c.LrRatio!.Value, measure.Of(c), c.Diverged)));
}
