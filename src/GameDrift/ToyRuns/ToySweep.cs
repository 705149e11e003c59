using GameDrift.Analysis;
using GameDrift.Games;

namespace GameDrift.ToyRuns;

/// <summary>One configuration of a sweep (the columns of sweep.csv).</summary>
public sealed record ToySweepRow(double LrD, double LrG, string Scheme, string Regulariser, double FinalDistance, string Verdict,
    double Lyapunov, double SpectralRadius, string PredictedExactMap, string PredictedPaper, string PredictedSingleClock);

/// <summary>A sweep's rows (lr_d outer, ratio inner) and the predicted stability boundaries for its heatmap.</summary>
public sealed record ToySweepResult(IReadOnlyList<ToySweepRow> Rows, IReadOnlyList<BoundaryCurve> Boundaries);

/// <summary>The pure function behind `gamedrift toy-sweep`: every (lr_d, ratio = lr_d/lr_g) of the two log ranges runs
/// from the same start in one batch; the verdict is <see cref="RegimeClassifier"/>'s and the predictions are the
/// stability verdicts (stable/neutral/unstable) at the equilibrium of: the update map as run, regularisers included
/// (spectral radius, <c>predicted_exact_map</c>), and the paper and single-clock modified Jacobians of the
/// <em>unregularised</em> scheme (§3.5; the columns say so).</summary>
public static class ToySweep
{
    public static readonly string[] Columns =
        { "lr_d", "lr_g", "scheme", "regulariser", "final_distance", "verdict", "lyapunov", "spectral_radius",
          "predicted_exact_map", "predicted_paper_unregularised", "predicted_single_clock_unregularised" };

    public static ToySweepResult Run(IVectorFieldGame game, SchemeKind scheme, LogRange lrD, LogRange ratio, int steps, double[] start,
        ToyRegularisation? regulariser = null, int boundaryResolution = 160)
    {
        ArgumentNullException.ThrowIfNull(game);
        lrD.Validate("lr-d range");
        ratio.Validate("ratio range");
        JointState.Check(game, start.Length);
        var eq = JointState.RequireEquilibrium(game);
        var ds = lrD.Values();
        var rs = ratio.Values();
        int n = ds.Length * rs.Length;
        var etaPhi = new double[n];
        var etaTheta = new double[n];
        for (int a = 0; a < ds.Length; a++)
            for (int b = 0; b < rs.Length; b++)
            {
                etaPhi[a * rs.Length + b] = ds[a];
                etaTheta[a * rs.Length + b] = ds[a] / rs[b];
            }
        var batch = new ToyBatch(etaPhi, etaTheta, Enumerable.Repeat(start, n).ToArray());
        var run = BatchedToyRunner.Run(game, new SchemeInfo(scheme), batch, steps, regulariser);
        var j = FieldJacobian.Of(game, eq);
        string schemeName = scheme.ToString().ToLowerInvariant(), regName = regulariser?.ToString() ?? "none";
        var rows = new ToySweepRow[n];
        for (int i = 0; i < n; i++)
        {
            var paper = Stability.OfFlow(ModifiedJacobians.Paper(j, game.PhiDim, scheme, etaPhi[i], etaTheta[i], 1));
            var single = Stability.OfFlow(ModifiedJacobians.SingleClock(j, game.PhiDim, scheme, etaPhi[i], etaTheta[i], 1));
            var rho = run.Spectrum!.Rho[i];
            rows[i] = new ToySweepRow(etaPhi[i], etaTheta[i], schemeName, regName, run.FinalDistance[i], run.Regime(i).Name(),
                run.Lyapunov[i], rho, Stability.OfSpectralRadius(rho).Name(), paper.Name(), single.Name());
        }
        return new ToySweepResult(rows, StabilityBoundaries.Compute(game, scheme, lrD, ratio, boundaryResolution));
    }
}
