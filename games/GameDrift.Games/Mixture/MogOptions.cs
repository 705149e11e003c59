namespace GameDrift.Games.Mixture;

/// <summary>Settings of a ring-of-Gaussians GAN run (defaults after Metz et al.: 8 modes, radius 2, std 0.02,
/// MLPs with two hidden layers of 128 ReLU units, latent dimension 256).</summary>
/// <param name="Scheme">simultaneous, alternating (discriminator first) or rk4.</param>
/// <param name="Optimizer">sgd (plain, the Euler update) or adam.</param>
/// <param name="Regularisers">A <see cref="Regularisers.RegulariserRegistry"/> spec, e.g. "cancel-interaction", or null.</param>
/// <param name="EvalEvery">Steps between metric rows (step 0 and the last step are always measured).</param>
/// <param name="EvalSamples">Generated samples per measurement (fixed latents).</param>
/// <param name="Snapshots">Number of scatter plots (evenly spaced over the run, the first at step 0, the last at the end).</param>
/// <param name="MinSamplesPerMode">High-quality samples a mode needs to count as covered.</param>
public sealed record MogOptions(
    string Scheme = "simultaneous", string Optimizer = "sgd", double LrD = 0.05, double LrG = 0.05, int Steps = 5000,
    string? Regularisers = null, string Loss = "non-saturating", int Batch = 256, ulong Seed = 0,
    int Hidden = 128, int Layers = 2, int LatentDim = 256, int Modes = 8, double Radius = 2, double Std = 0.02,
    int EvalEvery = 100, int EvalSamples = 2500, int Snapshots = 6, int MinSamplesPerMode = 20)
{
    /// <summary>Throws with the offending setting named.</summary>
    public void Validate()
    {
        Schemes.SchemeFactory.Parse(Scheme, "--scheme");
        if (Optimizer is not ("sgd" or "adam"))
            throw new ArgumentException($"--optimizer: unknown optimizer '{Optimizer}' (sgd, adam)");
        Positive(Std, "--std"); Positive(LrD, "--lr-d"); Positive(LrG, "--lr-g");
        if (Steps < 1) throw new ArgumentException($"--steps must be at least 1 (got {Steps})");
        if (Batch < 2) throw new ArgumentException($"--batch must be at least 2 (got {Batch})");
        if (Hidden < 1 || Layers < 1 || LatentDim < 1) throw new ArgumentException("--hidden, --layers and --latent-dim must be at least 1");
        if (EvalEvery < 1) throw new ArgumentException($"--eval-every must be at least 1 (got {EvalEvery})");
        if (EvalSamples < 1) throw new ArgumentException($"--eval-samples must be at least 1 (got {EvalSamples})");
        if (Snapshots < 1) throw new ArgumentException($"--snapshots must be at least 1 (got {Snapshots})");
    }

    private static void Positive(double v, string name)
    {
        if (!(v > 0) || !double.IsFinite(v)) throw new ArgumentException($"{name} must be a positive finite number (got {v})");
    }
}
