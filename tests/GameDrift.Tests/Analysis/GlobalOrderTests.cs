using GameDrift.Analysis;
using GameDrift.Games.Toys;
using GameDrift.Games;
using GameDrift.Torch;

namespace GameDrift.Tests.Analysis;

/// <summary>Spec T3, global (fixed-horizon) part: the error of each flow against the Euler iterate z_{T/h} at T = 2 for
/// h in {0.04, 0.02, 0.01}. Expected slopes: original flow ~1; single-clock modified flow ~2; the paper form read on one
/// clock ~2 when alpha = lambda but only ~1 when alpha != lambda (§3.3).</summary>
public class GlobalOrderTests
{
    private static readonly double[] Hs = { 0.04, 0.02, 0.01 };
    private const double T = 2;

    // errors[kind][case][h]
    private static Dictionary<FlowKind, double[][]> Errors(SchemeKind scheme, (double Alpha, double Lambda)[] cases)
    {
        var game = new GeneralSumGame();
        var kinds = new[] { FlowKind.Original, FlowKind.ModifiedSingleClock, FlowKind.ModifiedPaperOneClock };
        var errors = kinds.ToDictionary(k => k, _ => cases.Select(_ => new double[Hs.Length]).ToArray());
        for (int hi = 0; hi < Hs.Length; hi++)
        {
            using var scope = torch.NewDisposeScope();
            double h = Hs[hi];
            int n = (int)Math.Round(T / h);
            int b = cases.Length;
            var etaPhi = torch.Tensor(cases.Select(c => c.Alpha * h).ToArray(), new long[] { b, 1 });
            var etaTheta = torch.Tensor(cases.Select(c => c.Lambda * h).ToArray(), new long[] { b, 1 });
            var z0 = torch.Tensor(cases.SelectMany(_ => GeneralSumGame.Start).ToArray(), new long[] { b, 4 });
            var (p, t) = JointState.Split(game, z0);
            for (int s = 0; s < n; s++) (p, t) = DiscreteMaps.Step(game, new SchemeInfo(scheme), p, t, etaPhi, etaTheta);
            var zN = JointState.Join(p, t);
            foreach (var kind in kinds)
            {
                // One RK4 step per Euler step: its own error, O((h L)^5) per step, is far below the flows' O(h^2) here.
                var predicted = Flows.Predict(game, scheme, kind, z0, etaPhi, etaTheta, n, substeps: 1);
                var e = (predicted - zN).Norm(2, new long[] { -1 }).ToArray<double>();
                for (int c = 0; c < b; c++) errors[kind][c][hi] = e[c];
            }
        }
        return errors;
    }

    private static double Slope(double[] errors) => LocalErrorOrder.LogLogSlope(Hs, errors);

    [Fact]
    public void SimultaneousGlobalSlopesT3()
    {
        var e = Errors(SchemeKind.Simultaneous, new[] { (1.0, 1.0), (1.0, 3.0) });
        foreach (var c in new[] { 0, 1 })
        {
            Assert.InRange(Slope(e[FlowKind.Original][c]), 0.9, 1.15);
            Assert.InRange(Slope(e[FlowKind.ModifiedSingleClock][c]), 1.9, 2.15);
        }
        Assert.InRange(Slope(e[FlowKind.ModifiedPaperOneClock][0]), 1.9, 2.15); // alpha = lambda: the forms coincide
        Assert.InRange(Slope(e[FlowKind.ModifiedPaperOneClock][1]), 0.9, 1.1);  // alpha != lambda: first order only
        // §10 magnitudes at (1, 3), h = 0.01: single clock 6.0e-5, paper form on one clock 2.4e-3.
        Assert.InRange(e[FlowKind.ModifiedSingleClock][1][2], 6.0e-5 * 0.85, 6.0e-5 * 1.15);
        Assert.InRange(e[FlowKind.ModifiedPaperOneClock][1][2], 2.4e-3 * 0.85, 2.4e-3 * 1.15);
    }

    [Fact]
    public void AlternatingGlobalSlopesT3()
    {
        var e = Errors(SchemeKind.Alternating, new[] { (1.0, 3.0), (2.0, 0.5) });
        foreach (var c in new[] { 0, 1 })
        {
            Assert.InRange(Slope(e[FlowKind.Original][c]), 0.9, 1.15);
            Assert.InRange(Slope(e[FlowKind.ModifiedSingleClock][c]), 1.9, 2.15);
            Assert.InRange(Slope(e[FlowKind.ModifiedPaperOneClock][c]), 0.9, 1.1);
        }
    }
}
