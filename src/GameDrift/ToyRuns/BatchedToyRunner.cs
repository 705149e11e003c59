using GameDrift.Analysis;
using GameDrift.Games;
using GameDrift.Torch;

namespace GameDrift.ToyRuns;

/// <summary>Runs a whole batch of toy configurations at once, with the largest Lyapunov exponent of the map:
/// a tangent vector (initially (1, ..., 1)/sqrt(d)) is pushed through the map's Jacobian each step, its log growth
/// accumulated and the vector renormalised (Benettin's method). A configuration's result does not depend on the
/// other configurations in the batch, bit for bit: the closed-form path runs each alone, and the tensor path pads its rows
/// to a whole number of SIMD blocks, so every row goes through the same (vectorised) kernels, which round differently
/// from their scalar tails (e.g. exp in sigmoid and softplus, by an ulp).</summary>
public static class BatchedToyRunner
{
    /// <summary>Advances every configuration of <paramref name="batch"/> by <paramref name="steps"/> updates.</summary>
    public static ToyBatchResult Run(IVectorFieldGame game, SchemeInfo update, ToyBatch batch, int steps,
        ToyRegularisation? regulariser = null, bool recordTrajectory = false, ToyBackend backend = ToyBackend.Auto)
    {
        ArgumentNullException.ThrowIfNull(game);
        DiscreteMaps.Validate(update);
        int dim = game.PhiDim + game.ThetaDim;
        batch.Validate(dim);
        if (steps < 1) throw new ArgumentException($"the number of steps must be at least 1 (got {steps})", nameof(steps));
        regulariser?.Check(game);
        bool hasClosedForm = game is IClosedFormField && (regulariser == null || regulariser.HasClosedForm(game, update));
        bool closed = backend switch
        {
            ToyBackend.ClosedForm => hasClosedForm
                ? true : throw new ArgumentException("the closed-form path needs an IClosedFormField game and no drift regulariser (co/sga also need closed-form norm terms)"),
            ToyBackend.Tensor => false,
            _ => hasClosedForm,
        };
        // The linearised map at the equilibrium sets each configuration's time scale (steps per turn) for its verdict.
        if (closed)
        {
            var cf = (IClosedFormField)game;
            return ClosedFormToyRunner.Run(cf, update, batch, steps, recordTrajectory, regulariser, ClosedFormToyRunner.Spectrum(cf, update, batch, regulariser));
        }
        return RunTensor(game, update, batch, steps, regulariser, recordTrajectory, MapSpectrum.AtEquilibrium(game, update, batch, regulariser));
    }

    private static ToyBatchResult RunTensor(IVectorFieldGame game, SchemeInfo update, ToyBatch batch, int steps,
        ToyRegularisation? reg, bool record, MapSpectrum? spectrum)
    {
        int b = batch.Count, dim = game.PhiDim + game.ThetaDim, rows = Padded(b);
        var trajectory = record ? new double[steps + 1][][] : null;
        var trackers = Trackers(game, b, steps, spectrum);
        Observe(trackers, 0, batch.Starts.SelectMany(x => x).ToArray(), dim);
        using var outer = torch.NewDisposeScope();
        var etaPhi = torch.Tensor(Pad(batch.EtaPhi, rows), new long[] { rows, 1 });
        var etaTheta = torch.Tensor(Pad(batch.EtaTheta, rows), new long[] { rows, 1 });
        var z = torch.Tensor(Pad(batch.Starts, rows).SelectMany(s => s).ToArray(), new long[] { rows, dim });
        var v = torch.Full(new long[] { rows, dim }, 1.0 / Math.Sqrt(dim), torch.float64);
        var logSum = torch.Zeros(new long[] { rows }, torch.float64);
        if (trajectory != null) trajectory[0] = Rows(z, b, dim);
        for (int n = 1; n <= steps; n++)
        {
            using var scope = torch.NewDisposeScope();
            var (z1, w) = DiscreteMaps.StepWithTangent(game, update, z, v, etaPhi, etaTheta, reg);
            var norm = w.Square().Sum(-1).Sqrt();
            logSum.Add_(norm.Log());
            v.Copy_(w / norm.Unsqueeze(-1));
            z.Copy_(z1);
            var flat = z.ToArray<double>();
            Observe(trackers, n, flat, dim);
            if (trajectory != null) trajectory[n] = Rows(z, b, dim);
        }
        var final = Rows(z, b, dim);
        var lyap = (logSum / steps).ToArray<double>()[..b];
        return Summarise(trackers, final, lyap, steps, trajectory, spectrum);
    }

    // Rows in whole blocks of 16 float64s (two AVX-512 vectors, the widest block ATen's loops vectorise), so no row falls
    // in a scalar tail; the padding repeats the last configuration and is dropped from the results.
    private static int Padded(int b) => (b + 15) / 16 * 16;

    private static T[] Pad<T>(T[] values, int rows) =>
        values.Concat(Enumerable.Repeat(values[^1], rows - values.Length)).ToArray();

    internal static DistanceTracker[] Trackers(IVectorFieldGame game, int b, int steps, MapSpectrum? spectrum) =>
        Enumerable.Range(0, b).Select(i => new DistanceTracker(game.Equilibrium, steps, spectrum?.Period(i) ?? 0)).ToArray();

    private static void Observe(DistanceTracker[] trackers, int n, double[] flat, int dim)
    {
        for (int i = 0; i < trackers.Length; i++) trackers[i].Observe(n, flat.AsSpan(i * dim, dim));
    }

    internal static ToyBatchResult Summarise(DistanceTracker[] t, double[][] final, double[] lyap, int steps, double[][][]? trajectory,
        MapSpectrum? spectrum) =>
        new(final, t.Select(x => x.Initial).ToArray(), t.Select(x => x.EarlyMax).ToArray(), t.Select(x => x.LateMax).ToArray(),
            t.Select(x => x.Final).ToArray(), lyap, steps, trajectory, spectrum, t.Select(x => x.WindowsValid).ToArray());

    private static double[][] Rows(Tensor z, int b, int dim)
    {
        var flat = z.ToArray<double>();
        var rows = new double[b][];
        for (int i = 0; i < b; i++) rows[i] = flat.AsSpan(i * dim, dim).ToArray();
        return rows;
    }
}
