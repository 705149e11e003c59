using GameDrift.Analysis;
namespace GameDrift.ToyRuns;

/// <summary>A batch of toy-game configurations: per configuration the learning rates eta_phi = alpha*h,
/// eta_theta = lambda*h and the starting point z0 = (phi0, theta0).</summary>
public sealed record ToyBatch(double[] EtaPhi, double[] EtaTheta, double[][] Starts)
{
    public int Count => EtaPhi.Length;

    /// <summary>Throws unless the arrays match, rates are positive and finite, and starts have the game's dimension.</summary>
    public void Validate(int dim)
    {
        if (EtaTheta.Length != Count || Starts.Length != Count)
            throw new ArgumentException($"batch arrays differ in length ({EtaPhi.Length}, {EtaTheta.Length}, {Starts.Length})");
        if (Count == 0) throw new ArgumentException("the batch is empty");
        for (int i = 0; i < Count; i++)
        {
            CheckRate(EtaPhi[i], "discriminator");
            CheckRate(EtaTheta[i], "generator");
            if (Starts[i].Length != dim)
                throw new ArgumentException($"start {i} has {Starts[i].Length} coordinates but the game has {dim}");
        }
    }

    /// <summary>One configuration.</summary>
    public static ToyBatch Single(double etaPhi, double etaTheta, double[] start) => new(new[] { etaPhi }, new[] { etaTheta }, new[] { start });

    /// <summary>Rejects negative, zero or non-finite learning rates with a clear message.</summary>
    public static void CheckRate(double lr, string player)
    {
        if (!(lr > 0) || !double.IsFinite(lr))
            throw new ArgumentException($"the {player} learning rate must be a positive finite number (got {lr})");
    }
}

/// <summary>What a batched toy run returns, one entry per configuration.</summary>
/// <param name="Final">Final joint state z_N.</param>
/// <param name="InitialDistance">||z_0 - z*|| (NaN when the game has no known equilibrium).</param>
/// <param name="EarlyMax">max ||z_n - z*|| over the early window (see DistanceTracker).</param>
/// <param name="LateMax">max ||z_n - z*|| over the late window.</param>
/// <param name="FinalDistance">||z_N - z*||.</param>
/// <param name="Lyapunov">Largest Lyapunov exponent estimate of the map along the trajectory (per step).</param>
/// <param name="Trajectory">When recorded: Trajectory[n][b] is z_n of configuration b, n = 0..N.</param>
/// <param name="Spectrum">The update map linearised at the equilibrium (null without a known equilibrium).</param>
/// <param name="WindowsValid">Per configuration: the run spans at least two turns of its linearised rotation.</param>
public sealed record ToyBatchResult(double[][] Final, double[] InitialDistance, double[] EarlyMax, double[] LateMax,
    double[] FinalDistance, double[] Lyapunov, int Steps, double[][][]? Trajectory, MapSpectrum? Spectrum, bool[] WindowsValid)
{
    /// <summary>The regime of configuration <paramref name="b"/> by <see cref="RegimeClassifier"/>.</summary>
    public ToyRegime Regime(int b) =>
        RegimeClassifier.Classify(InitialDistance[b], EarlyMax[b], LateMax[b], FinalDistance[b], Lyapunov[b], Steps, WindowsValid[b]);
}

/// <summary>How a batch advances.</summary>
public enum ToyBackend
{
    /// <summary>Closed form when the game provides it and there is no regulariser; tensors otherwise.</summary>
    Auto,
    /// <summary>One tensor computation of shape [B, d] per step, autograd for drift terms and tangents.</summary>
    Tensor,
    /// <summary>Plain float64 loops over configurations (fast path for <see cref="Games.IClosedFormField"/>).</summary>
    ClosedForm,
}
