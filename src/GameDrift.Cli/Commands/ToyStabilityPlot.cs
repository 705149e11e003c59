using GameDrift.Io.Png;
using GameDrift.Reports;
using GameDrift.Reports.Charts;
using ScottPlot;

namespace GameDrift.Cli.Commands;

/// <summary>stability.png of `toy`: the running Lyapunov exponent of the update map (above 0: nearby runs separate), and
/// each player's edge-of-stability ratio λ·lr/2 (above the dashed line at 1, plain gradient descent on that player's own
/// loss would oscillate and grow).</summary>
internal static class ToyStabilityPlot
{
    public static PngImage Draw(double[] lyapunov, double[][] sharpness, string title)
    {
        var steps = Enumerable.Range(0, lyapunov.Length).Select(n => (double)n).ToArray();
        var l = Chart.Lines("largest Lyapunov exponent (running)", "step", "per step");
        Line(l, steps[1..], lyapunov[1..], "estimate", 0);
        l.Add.HorizontalLine(0, 1, Colors.Gray);
        l.ShowLegend(Alignment.UpperRight);

        var e = Chart.Lines("edge of stability: sharpness × lr / 2", "step", "λ lr / 2");
        Line(e, steps, sharpness.Select(r => r[2]).ToArray(), "discriminator (φ)", 0);
        Line(e, steps, sharpness.Select(r => r[3]).ToArray(), "generator (θ)", 1);
        EdgeOfStability.Mark(e, "sharpness_x_over_2", sharpness.SelectMany(r => new[] { r[2], r[3] }));
        e.ShowLegend(Alignment.UpperRight);
        return Chart.Grid([l, e], 2, 520, 380, title);
    }

    // Only finite points are drawn, connected (the first step has no estimate yet).
    private static void Line(Plot plot, double[] xs, double[] ys, string label, int colour)
    {
        var keep = Enumerable.Range(0, xs.Length).Where(i => double.IsFinite(ys[i])).ToArray();
        if (keep.Length == 0) return;
        var line = plot.Add.ScatterLine(keep.Select(i => xs[i]).ToArray(), keep.Select(i => ys[i]).ToArray(), TrainingCurves.Palette(colour));
        line.LineWidth = 1.5f;
        line.LegendText = label;
    }
}
