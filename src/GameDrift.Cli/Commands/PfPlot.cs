using GameDrift.Analysis.SingleObjective;
using GameDrift.Io.Png;
using GameDrift.Reports;
using GameDrift.Reports.Charts;
using ScottPlot;

namespace GameDrift.Cli.Commands;

/// <summary>pf.png: each coordinate against time (GD iterates as dots on the PF's real part), the path in the plane of the
/// first two coordinates, and each Hessian eigen-direction's stability coefficient Re log(1 - hλ)/h against h.</summary>
internal static class PfPlot
{
    public static PngImage Draw(PrincipalFlowResult r, string lossName, double lr)
    {
        int d = r.Gd[0].Length;
        var t = Chart.Lines("coordinates against t/lr", "t / lr (GD step)", "value");
        var steps = Enumerable.Range(0, r.Gd.Length).Select(n => (double)n).ToArray();
        for (int i = 0; i < d; i++)
        {
            var color = TrainingCurves.Palette(i);
            var pf = t.Add.ScatterLine(r.Times, r.Fine.Select(z => z[i].Real).ToArray(), color);
            pf.LegendText = $"Re PF_{i + 1}";
            var gd = t.Add.ScatterPoints(steps, r.Gd.Select(z => z[i]).ToArray(), color);
            gd.MarkerSize = 6;
            gd.LegendText = $"GD_{i + 1}";
        }
        t.ShowLegend(Alignment.UpperRight);

        int yi = d > 1 ? 1 : 0;
        var p = Chart.Lines("path", "θ_1", d > 1 ? "θ_2" : "t / lr");
        var pfPath = p.Add.ScatterLine(r.Fine.Select(z => z[0].Real).ToArray(), r.Fine.Select((z, k) => d > 1 ? z[yi].Real : r.Times[k]).ToArray(),
            TrainingCurves.Palette(0));
        pfPath.LegendText = "Re PF";
        var gdPath = p.Add.ScatterLine(r.Gd.Select(z => z[0]).ToArray(), r.Gd.Select((z, n) => d > 1 ? z[yi] : n).ToArray(), Colors.Black);
        gdPath.LineWidth = 0.8f; gdPath.MarkerSize = 5; gdPath.LegendText = "GD";
        p.ShowLegend(Alignment.UpperRight);

        var c = Chart.Lines("stability coefficients", "learning rate h", "Re log(1 - h λ) / h");
        double top = 2.6 / Math.Max(1e-12, r.Eigenvalues.Max(Math.Abs));
        var hs = Enumerable.Range(1, 400).Select(k => top * k / 400).ToArray();
        foreach (var (lambda, i) in r.Eigenvalues.Select((e, i) => (e, i)))
        {
            // log(1 - hλ) is -inf at h = 1/λ: that point is left out and the curve is drawn through the rest.
            var keep = hs.Where(h => Math.Abs(1 - h * lambda) >= 1e-9).ToArray();
            var line = c.Add.ScatterLine(keep, keep.Select(h => PrincipalFlow.Rate(h, lambda).Real).ToArray(), TrainingCurves.Palette(i));
            line.MarkerSize = 0;
            line.LegendText = $"λ = {lambda:G3}";
        }
        c.Add.VerticalLine(lr, 1.5f, Colors.Black, LinePattern.Dashed).LegendText = $"lr = {lr}";
        c.Add.HorizontalLine(0, 1, Colors.Gray);
        c.Axes.SetLimitsY(-3, 1.5);
        c.ShowLegend(Alignment.LowerLeft);
        return Chart.Grid([t, p, c], 3, 470, 380, $"{lossName}: gradient descent and its principal flow, lr = {lr}");
    }
}
