using GameDrift.Games;
using GameDrift.ToyRuns;

namespace GameDrift.Analysis;

/// <summary>Points where a predictor's verdict changes, in (lr_d, ratio = lr_d/lr_g) coordinates, for drawing on a sweep heatmap.</summary>
public sealed record BoundaryCurve(string Predictor, IReadOnlyList<(double LrD, double Ratio)> Points);

/// <summary>Predicted stability boundaries over a log grid of (lr_d, ratio): a verdict (stable/neutral/unstable) per grid
/// node and a boundary point at the geometric midpoint of each pair of neighbouring nodes whose verdicts differ.</summary>
public static class StabilityBoundaries
{
    /// <summary>Predictors "paper" and "single-clock" (modified Jacobians, §3.5) and "exact-map" (spectral radius of the
    /// update map at the equilibrium, <see cref="MapSpectrum"/>, all grid nodes in one batched step).</summary>
    public static IReadOnlyList<BoundaryCurve> Compute(IVectorFieldGame game, SchemeKind scheme, LogRange lrD, LogRange ratio,
        int resolution = 160)
    {
        var eq = JointState.RequireEquilibrium(game);
        var j = FieldJacobian.Of(game, eq);
        var xs = LogRange.Values(lrD.Start, lrD.Stop, resolution);
        var ys = LogRange.Values(ratio.Start, ratio.Stop, resolution);
        var nodes = xs.SelectMany(d => ys.Select(r => (D: d, G: d / r))).ToArray();
        var rho = MapSpectrum.AtEquilibrium(game, new SchemeInfo(scheme),
            new ToyBatch(nodes.Select(x => x.D).ToArray(), nodes.Select(x => x.G).ToArray(), Array.Empty<double[]>()), null)!.Rho;
        var predictors = new (string Name, Func<int, int, StabilityVerdict> Verdict)[]
        {
            ("paper", (a, b) => Stability.OfFlow(ModifiedJacobians.Paper(j, game.PhiDim, scheme, xs[a], xs[a] / ys[b], 1))),
            ("single-clock", (a, b) => Stability.OfFlow(ModifiedJacobians.SingleClock(j, game.PhiDim, scheme, xs[a], xs[a] / ys[b], 1))),
            ("exact-map", (a, b) => Stability.OfSpectralRadius(rho[a * ys.Length + b])),
        };
        return predictors.Select(p => new BoundaryCurve(p.Name, Scan(xs, ys, p.Verdict))).ToArray();
    }

    private static List<(double, double)> Scan(double[] xs, double[] ys, Func<int, int, StabilityVerdict> verdict)
    {
        var v = new StabilityVerdict[xs.Length, ys.Length];
        for (int a = 0; a < xs.Length; a++)
            for (int b = 0; b < ys.Length; b++)
                v[a, b] = verdict(a, b);
        var points = new List<(double, double)>();
        for (int a = 0; a < xs.Length; a++)
            for (int b = 0; b < ys.Length; b++)
            {
                if (a + 1 < xs.Length && v[a, b] != v[a + 1, b]) points.Add((Math.Sqrt(xs[a] * xs[a + 1]), ys[b]));
                if (b + 1 < ys.Length && v[a, b] != v[a, b + 1]) points.Add((xs[a], Math.Sqrt(ys[b] * ys[b + 1])));
            }
        return points;
    }
}
