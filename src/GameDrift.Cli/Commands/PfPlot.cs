using GameDrift.Analysis.SingleObjective;
using GameDrift.Io.Plots;

namespace GameDrift.Cli.Commands;

/// <summary>pf.png: each coordinate against time (GD iterates as dots on the PF's real part), the path in the plane of the
/// first two coordinates, and each Hessian eigen-direction's stability coefficient Re log(1 - hλ)/h against h.</summary>
internal static class PfPlot
{
    public static Figure Draw(PrincipalFlowResult r, string lossName, double lr)
    {
        int d = r.Gd[0].Length;
        var fig = new Figure(1, 3, 470, 380) { Title = $"{lossName}: gradient descent and its principal flow, lr = {lr}" };
        var t = fig[0, 0];
        t.Title = "coordinates against t/lr"; t.XLabel = "t / lr (GD step)"; t.YLabel = "value";
        var steps = Enumerable.Range(0, r.Gd.Length).Select(n => (double)n).ToArray();
        for (int i = 0; i < d; i++)
        {
            var color = Palette.Tab10[i % Palette.Tab10.Count];
            t.Line(r.Times, r.Fine.Select(z => z[i].Real).ToArray(), $"Re PF_{i + 1}", color);
            t.Scatter(steps, r.Gd.Select(z => z[i]).ToArray(), $"GD_{i + 1}", color);
        }
        var p = fig[0, 1];
        p.Title = "path"; p.XLabel = "theta_1"; p.YLabel = d > 1 ? "theta_2" : "t / lr";
        int yi = d > 1 ? 1 : 0;
        p.Line(r.Fine.Select(z => z[0].Real).ToArray(), r.Fine.Select((z, k) => d > 1 ? z[yi].Real : r.Times[k]).ToArray(), "Re PF");
        var gd = p.Line(r.Gd.Select(z => z[0]).ToArray(), r.Gd.Select((z, n) => d > 1 ? z[yi] : n).ToArray(), "GD", Rgb.Gray(20));
        gd.Marker = Marker.Circle; gd.MarkerSize = 4; gd.Width = 0.8;
        var c = fig[0, 2];
        c.Title = "stability coefficients"; c.XLabel = "learning rate h"; c.YLabel = "Re log(1 - h λ) / h";
        double top = 2.6 / Math.Max(1e-12, r.Eigenvalues.Max(Math.Abs));
        var hs = Enumerable.Range(1, 400).Select(k => top * k / 400).ToArray();
        foreach (var (lambda, i) in r.Eigenvalues.Select((e, i) => (e, i)))
            c.Line(hs, hs.Select(h => Math.Abs(1 - h * lambda) < 1e-9 ? double.NaN : PrincipalFlow.Rate(h, lambda).Real).ToArray(),
                $"λ = {lambda:G3}", Palette.Tab10[i % Palette.Tab10.Count]);
        c.VLine(lr, label: $"lr = {lr}");
        c.HLine(0, Rgb.Gray(120), LineStyle.Solid);
        c.YLim = (-3, 1.5);
        return fig;
    }
}
