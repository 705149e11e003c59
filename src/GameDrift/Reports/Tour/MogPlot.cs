using GameDrift.Io.Png;
using GameDrift.Reports.Charts;

namespace GameDrift.Reports.Tour;

/// <summary>The part-2 figure: a measure against the learning rate (lr_d = lr_g, log axis), one line per method; points
/// are the mean over seeds, bars run from the smallest to the largest seed (a diverged seed counts as 0).</summary>
public static class MogPlot
{
    public static PngImage Render(MogResults results, Func<MogResults, string, double, SeedSpread?> measure, string yLabel, double yMax)
    {
        var p = Chart.Lines($"ring of Gaussians: {yLabel} against the learning rate", "lr_d = lr_g (log scale)", yLabel);
        var methods = results.Methods.Where(m => results.Lrs(m).Count > 0).ToList();
        var lrs = methods.SelectMany(results.Lrs).DefaultIfEmpty(1).ToArray();
        foreach (var (k, m) in methods.Index())
        {
            var points = results.Lrs(m).Select(lr => (Lr: lr, S: measure(results, m, lr))).Where(x => x.S is not null).ToList();
            if (points.Count == 0) continue;
            // Methods sharing a learning rate are nudged apart along x so that their bars stay readable.
            var nudge = Math.Log10(1.04) * (k - (methods.Count - 1) / 2.0);
            SeedBars.Add(p, points.Select(x => Math.Log10(x.Lr) + nudge).ToArray(), points.Select(x => x.S!.Mean).ToArray(),
                points.Select(x => x.S!.Min).ToArray(), points.Select(x => x.S!.Max).ToArray(), m, TrainingCurves.Palette(k));
        }
        LogTicks.X(p, lrs);
        double pad = Math.Max(0.1, 0.08 * Math.Log10(lrs.Max() / lrs.Min()));
        p.Axes.SetLimits(Math.Log10(lrs.Min()) - pad, Math.Log10(lrs.Max()) + pad, -0.05 * yMax, 1.05 * yMax);
        p.ShowLegend(ScottPlot.Edge.Right);
        return Chart.ToImage(p, 760, 440);
    }
}
