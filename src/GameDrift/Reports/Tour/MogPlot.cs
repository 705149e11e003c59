using GameDrift.Io.Plots;

namespace GameDrift.Reports.Tour;

/// <summary>The part-2 figure: a measure against the learning rate (lr_d = lr_g), one line per method; points are
/// the mean over seeds, bars run from the smallest to the largest seed (a diverged seed counts as 0).</summary>
public static class MogPlot
{
    public static Plot Render(MogResults results, Func<MogResults, string, double, SeedSpread?> measure, string yLabel, double yMax)
    {
        var p = new Plot(760, 440) { Title = $"ring of Gaussians: {yLabel} against the learning rate", XLabel = "lr_d = lr_g",
            YLabel = yLabel, XScale = Scale.Log, YLim = (-0.05 * yMax, 1.05 * yMax) };
        var methods = results.Methods.Where(m => results.Lrs(m).Count > 0).ToList();
        foreach (var (k, m) in methods.Index())
        {
            var points = results.Lrs(m).Select(lr => (Lr: lr, S: measure(results, m, lr))).Where(x => x.S is not null).ToList();
            if (points.Count == 0) continue;
            // Methods sharing a learning rate are nudged apart along x so that their bars stay readable.
            var nudge = Math.Pow(1.04, k - (methods.Count - 1) / 2.0);
            p.ErrorBar(points.Select(x => x.Lr * nudge).ToArray(), points.Select(x => x.S!.Mean).ToArray(),
                points.Select(x => x.S!.Mean - x.S!.Min).ToArray(), points.Select(x => x.S!.Max - x.S!.Mean).ToArray(), m);
        }
        return p;
    }
}
