using GameDrift.Io.Plots;

namespace GameDrift.Cli.Commands;

/// <summary>stability.png of `toy`: the running Lyapunov exponent of the update map (above 0: nearby runs separate), and
/// each player's edge-of-stability ratio λ·lr/2 (above the dashed line at 1, plain gradient descent on that player's own
/// loss would oscillate and grow).</summary>
internal static class ToyStabilityPlot
{
    public static Figure Draw(double[] lyapunov, double[][] sharpness, string title)
    {
        var steps = Enumerable.Range(0, lyapunov.Length).Select(n => (double)n).ToArray();
        var fig = new Figure(1, 2, 520, 380) { Title = title, TitleFontScale = 2 };
        var l = fig[0, 0];
        l.Title = "largest Lyapunov exponent (running)"; l.XLabel = "step"; l.YLabel = "per step";
        l.Line(steps[1..], lyapunov[1..], "estimate");
        l.HLine(0, Rgb.Gray(120), LineStyle.Solid);
        var e = fig[0, 1];
        e.Title = "edge of stability: sharpness x lr / 2"; e.XLabel = "step"; e.YLabel = "λ lr / 2";
        e.Line(steps, sharpness.Select(r => r[2]).ToArray(), "discriminator (phi)");
        e.Line(steps, sharpness.Select(r => r[3]).ToArray(), "generator (theta)");
        e.HLine(1, label: "edge");
        var ratios = sharpness.SelectMany(r => new[] { r[2], r[3] }).Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        e.YLim = (Math.Min(0, ratios.Min()) - 0.05, Math.Max(1.1, ratios.Max() * 1.05)); // the edge always in view
        return fig;
    }
}
