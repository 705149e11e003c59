using GameDrift.Io.Png;
using GameDrift.Reports.Charts;
using ScottPlot;

namespace GameDrift.Reports;

/// <summary>A measure against the lr ratio lr_d / lr_g (log x axis), one line per group: the mean over seeds with
/// bars from the smallest to the largest seed. A ratio where some seed diverged gets a cross in the line's colour
/// in a strip at the top of the plot; diverged seeds are left out of the mean. Lines sharing a ratio are nudged
/// apart slightly along x so their bars stay readable.</summary>
public static class RatioPlot
{
    public const string DivergedLabel = "diverged seed(s): x at top";

    public static PngImage Render(IReadOnlyList<RatioCurve> curves, Measure measure, int width = 760, int height = 480)
    {
        var plot = Chart.Lines(measure.Title, "lr ratio lr_d / lr_g (log scale); mean of seeds, bars min-max", measure.YLabel);
        var finite = curves.SelectMany(c => c.Points).Where(p => p.Seeds > 0).SelectMany(p => new[] { p.Min, p.Max }).ToArray();
        var (lo, hi) = finite.Length > 0 ? (finite.Min(), finite.Max()) : (0.0, 1.0);
        var span = hi > lo ? hi - lo : Math.Max(Math.Abs(hi) * 0.1, 1e-3);
        if (hi == lo) { lo -= span / 2; hi += span / 2; }
        var anyDiverged = curves.Any(c => c.Points.Any(p => p.Diverged > 0));
        var top = hi + (anyDiverged ? 0.12 : 0.05) * span;

        var ratios = curves.SelectMany(c => c.Points).Select(p => p.Ratio).DefaultIfEmpty(1).ToArray();
        var decades = Math.Max(Math.Log10(ratios.Max() / ratios.Min()), 0.3);
        bool divergedLabelled = false;
        for (int i = 0; i < curves.Count; i++)
        {
            var color = TrainingCurves.Palette(i);
            var nudge = (i - (curves.Count - 1) / 2.0) * 0.012 * decades; // in decades
            var pts = curves[i].Points;
            var measured = pts.Where(p => p.Seeds > 0).ToArray(); // a ratio where every seed diverged has no mean
            if (measured.Length > 0)
                SeedBars.Add(plot, measured.Select(p => Math.Log10(p.Ratio) + nudge).ToArray(), measured.Select(p => p.Mean).ToArray(),
                    measured.Select(p => p.Min).ToArray(), measured.Select(p => p.Max).ToArray(), curves[i].Group, color);
            var diverged = pts.Where(p => p.Diverged > 0).Select(p => Math.Log10(p.Ratio) + nudge).ToArray();
            if (diverged.Length == 0) continue;
            var crosses = plot.Add.Markers(diverged, diverged.Select(_ => top).ToArray(), MarkerShape.Cross, 10, color);
            if (!divergedLabelled) { crosses.LegendText = DivergedLabel; divergedLabelled = true; }
        }
        if (anyDiverged) plot.Add.HorizontalLine(hi + 0.05 * span, 1, Colors.Gray, LinePattern.Dotted);
        LogTicks.X(plot, ratios);
        plot.Axes.SetLimitsX(Math.Log10(ratios.Min()) - 0.08 * decades, Math.Log10(ratios.Max()) + 0.08 * decades);
        plot.Axes.SetLimitsY(lo - 0.05 * span, anyDiverged ? hi + 0.2 * span : top);
        plot.ShowLegend(Edge.Right);
        return Chart.ToImage(plot, width, height);
    }

    /// <summary>The lines of <paramref name="measure"/> over the sweep's cells that have a ratio and are not still
    /// running (a running cell's value is not final) nor failed.</summary>
    public static IReadOnlyList<RatioCurve> Curves(SweepRecord sweep, Measure measure) =>
        RatioCurves.Aggregate(sweep.Cells
            .Where(c => c.LrRatio.HasValue && c.State is not ("running" or "failed"))
            .Select(c => new CellValue(sweep.Group(c), c.LrRatio!.Value, measure.Of(c), c.Diverged)));
}
