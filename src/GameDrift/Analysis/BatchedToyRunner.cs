using GameDrift.Games;
using GameDrift.Torch;

namespace GameDrift.Analysis;

/// <summary>Runs a whole batch of toy configurations at once, with the largest Lyapunov exponent of the map:
/// a tangent vector (initially (1, ..., 1)/sqrt(d)) is pushed through the map's Jacobian each step, its log growth
/// accumulated and the vector renormalised (Benettin's method). A configuration's result does not depend on the
/// other configurations in the batch, bit for bit.</summary>
public static class BatchedToyRunner
{
    /// <summary>Advances every configuration of <paramref name="batch"/> by <paramref name="steps"/> updates.</summary>
    public static ToyBatchResult Run(IVectorFieldGame game, EulerUpdate update, ToyBatch batch, int steps,
        DriftRegulariser? regulariser = null, bool recordTrajectory = false, ToyBackend backend = ToyBackend.Auto)
    {
        ArgumentNullException.ThrowIfNull(game);
        update.Validate();
        int dim = game.PhiDim + game.ThetaDim;
        batch.Validate(dim);
        if (steps < 1) throw new ArgumentException($"the number of steps must be at least 1 (got {steps})", nameof(steps));
        bool closed = backend switch
        {
            ToyBackend.ClosedForm => game is IClosedFormField && regulariser == null
                ? true : throw new ArgumentException("the closed-form path needs an IClosedFormField game and no regulariser"),
            ToyBackend.Tensor => false,
            _ => game is IClosedFormField && regulariser == null,
        };
        return closed
            ? ClosedFormToyRunner.Run((IClosedFormField)game, update, batch, steps, recordTrajectory)
            : RunTensor(game, update, batch, steps, regulariser, recordTrajectory);
    }

    private static ToyBatchResult RunTensor(IVectorFieldGame game, EulerUpdate update, ToyBatch batch, int steps,
        DriftRegulariser? reg, bool record)
    {
        int b = batch.Count, dim = game.PhiDim + game.ThetaDim;
        var trajectory = record ? new double[steps + 1][][] : null;
        double[][] mid = batch.Starts;
        using var outer = torch.NewDisposeScope();
        var etaPhi = torch.Tensor(batch.EtaPhi, new long[] { b, 1 });
        var etaTheta = torch.Tensor(batch.EtaTheta, new long[] { b, 1 });
        var z = torch.Tensor(batch.Starts.SelectMany(s => s).ToArray(), new long[] { b, dim });
        var v = torch.Full(new long[] { b, dim }, 1.0 / Math.Sqrt(dim), torch.float64);
        var logSum = torch.Zeros(new long[] { b }, torch.float64);
        if (trajectory != null) trajectory[0] = Rows(z, b, dim);
        for (int n = 1; n <= steps; n++)
        {
            using var scope = torch.NewDisposeScope();
            var (p0, t0) = JointState.Split(game, z);
            var phi = Autodiff.Leaf(p0);
            var theta = Autodiff.Leaf(t0);
            var (p1, t1) = DiscreteMaps.Step(game, update, phi, theta, etaPhi, etaTheta, reg, createGraph: reg != null);
            var (vp, vt) = JointState.Split(game, v);
            var jv = Autodiff.Jvp(new[] { p1, t1 }, new[] { phi, theta }, new[] { vp, vt });
            var w = JointState.Join(jv[0], jv[1]);
            var norm = w.Square().Sum(-1).Sqrt();
            logSum.Add_(norm.Log());
            v.Copy_(w / norm.Unsqueeze(-1));
            z.Copy_(JointState.Join(p1, t1).Detach());
            if (trajectory != null) trajectory[n] = Rows(z, b, dim);
            if (n == steps / 2) mid = Rows(z, b, dim);
        }
        var final = Rows(z, b, dim);
        var lyap = (logSum / steps).ToArray<double>();
        return Summarise(game, batch, mid, final, lyap, trajectory);
    }

    internal static ToyBatchResult Summarise(IVectorFieldGame game, ToyBatch batch, double[][] mid, double[][] final, double[] lyap,
        double[][][]? trajectory)
    {
        var eq = game.Equilibrium;
        double Dist(double[] z) => eq == null ? double.NaN : Math.Sqrt(z.Select((x, i) => (x - eq[i]) * (x - eq[i])).Sum());
        return new ToyBatchResult(final, batch.Starts.Select(Dist).ToArray(), mid.Select(Dist).ToArray(),
            final.Select(Dist).ToArray(), lyap, trajectory);
    }

    private static double[][] Rows(Tensor z, int b, int dim)
    {
        var flat = z.ToArray<double>();
        var rows = new double[b][];
        for (int i = 0; i < b; i++) rows[i] = flat.AsSpan(i * dim, dim).ToArray();
        return rows;
    }
}
