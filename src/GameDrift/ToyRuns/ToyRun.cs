using GameDrift.Analysis;
using GameDrift.Games;
using GameDrift.Torch;

namespace GameDrift.ToyRuns;

/// <summary>A single toy run: the iterates and the continuous models sampled at the same steps.</summary>
/// <param name="Columns">"step" then "phi", "theta" (scalar players) or "phi_0", ..., "theta_0", ...</param>
/// <param name="Trajectory">Rows (step, z_n), n = 0..steps.</param>
/// <param name="Flows">Per flow name ("original", "modified-single-clock", "modified-paper", "modified-paper-per-player"):
/// rows (step, z(n)) in the same layout.</param>
public sealed record ToyRunResult(string[] Columns, double[][] Trajectory, IReadOnlyDictionary<string, double[][]> Flows,
    double FinalDistance, double Lyapunov, ToyRegime Regime);

/// <summary>The pure function behind `gamedrift toy`.</summary>
public static class ToyRun
{
    /// <summary>Runs <paramref name="steps"/> Euler updates from <paramref name="start"/> and samples the original and modified
    /// flows (of the unregularised game) at every step, by RK4 with <paramref name="flowSubsteps"/> steps per update.
    /// "modified-paper" is the paper form read on one clock; "modified-paper-per-player" reads phi at n*lr_d and
    /// theta at n*lr_g (§3.3).</summary>
    public static ToyRunResult Run(IVectorFieldGame game, SchemeKind scheme, double lrD, double lrG, int steps, double[] start,
        ToyRegularisation? regulariser = null, bool includeFlows = true, int flowSubsteps = 4)
    {
        ArgumentNullException.ThrowIfNull(game);
        ToyBatch.CheckRate(lrD, "discriminator");
        ToyBatch.CheckRate(lrG, "generator");
        JointState.Check(game, start.Length);
        if (steps < 1) throw new ArgumentException($"the number of steps must be at least 1 (got {steps})", nameof(steps));
        var run = BatchedToyRunner.Run(game, new SchemeInfo(scheme), ToyBatch.Single(lrD, lrG, start), steps, regulariser, recordTrajectory: true);
        var rows = Enumerable.Range(0, steps + 1).Select(n => Row(n, run.Trajectory![n][0])).ToArray();
        var flows = new Dictionary<string, double[][]>();
        if (includeFlows)
        {
            flows["original"] = Sample(game, scheme, FlowKind.Original, lrD, lrG, steps, start, flowSubsteps);
            flows["modified-single-clock"] = Sample(game, scheme, FlowKind.ModifiedSingleClock, lrD, lrG, steps, start, flowSubsteps);
            flows["modified-paper"] = Sample(game, scheme, FlowKind.ModifiedPaperOneClock, lrD, lrG, steps, start, flowSubsteps);
            flows["modified-paper-per-player"] = Sample(game, scheme, FlowKind.ModifiedPaper, lrD, lrG, steps, start, flowSubsteps);
        }
        return new ToyRunResult(Columns(game), rows, flows, run.FinalDistance[0], run.Lyapunov[0], run.Regime(0));
    }

    /// <summary>"step", then the coordinate names.</summary>
    public static string[] Columns(IVectorFieldGame game) =>
        new[] { "step" }.Concat(Names("phi", game.PhiDim)).Concat(Names("theta", game.ThetaDim)).ToArray();

    private static IEnumerable<string> Names(string p, int n) => n == 1 ? new[] { p } : Enumerable.Range(0, n).Select(i => $"{p}_{i}");

    private static double[] Row(int n, double[] z) => new[] { (double)n }.Concat(z).ToArray();

    // The flow sampled at every step.
    private static double[][] Sample(IVectorFieldGame game, SchemeKind scheme, FlowKind kind, double lrD, double lrG, int steps,
        double[] start, int substeps)
    {
        using var scope = torch.NewDisposeScope();
        var rows = new double[steps + 1][];
        rows[0] = Row(0, start);
        Flows.Predict(game, scheme, kind, torch.Tensor(start, new long[] { 1, start.Length }), torch.Tensor(new[] { lrD }, new long[] { 1, 1 }),
            torch.Tensor(new[] { lrG }, new long[] { 1, 1 }), steps, substeps, (n, z) => rows[n] = Row(n, z.ToArray<double>()));
        return rows;
    }
}
