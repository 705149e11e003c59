using System.Globalization;
using GameDrift.Training;
using GameDrift.Training.Observers;

namespace GameDrift.Games.Mixture;

/// <summary>One measurement of a run: after <paramref name="Step"/> updates. The losses are those of the batch of
/// update <paramref name="Step"/> (NaN at step 0, before any update).</summary>
public sealed record MogMetricsRow(int Step, double WallTime, double LossD, double LossG, int ModesCovered, double HighQualityFraction);

/// <summary>What a run produced: its metric rows, whether it stopped on a non-finite value, and the files written.</summary>
public sealed record MogRunResult(IReadOnlyList<MogMetricsRow> Rows, bool Diverged, int LastStep, IReadOnlyList<string> Files);

/// <summary>Trains the ring-of-Gaussians GAN with the <see cref="Trainer"/> every game runs through (its scheme, one
/// optimiser per player, any regularisers, in float32, on the CPU) and writes the trainer's run directory, whose
/// metrics.csv has the ring's columns <see cref="Columns"/> among the step diagnostics, plus
/// <c>samples/step_NNNNNN.png</c> (generated samples over the mode centres) and <c>panel.png</c> (all snapshots side by
/// side). Every random draw comes from streams seeded by <see cref="MogOptions.Seed"/>.</summary>
public static class MogRun
{
    public static readonly string[] Columns = { "step", "wall_time", "loss_d", "loss_g", "modes_covered", "high_quality_fraction" };

    public const string GameName = "ring-of-gaussians";

    public static MogRunResult Run(MogOptions o, string outDir, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(o);
        o.Validate();
        var config = Config(o);
        var result = new Trainer(config, outDir) { Game = Game(config, log), Overwrite = true }.Run();
        var (header, values) = MetricsLog.Read(Path.Combine(outDir, "metrics.csv"));
        double At(double?[] row, string column) => row[Array.IndexOf(header, column)] ?? double.NaN;
        var rows = values.Select(r => new MogMetricsRow((int)At(r, "step"), At(r, "wall_time"), At(r, "loss_d"), At(r, "loss_g"),
            (int)At(r, "modes_covered"), At(r, "high_quality_fraction"))).ToList();
        var files = new[] { "metrics.csv", "panel.png" }.Select(f => Path.Combine(outDir, f))
            .Concat(Directory.GetFiles(Path.Combine(outDir, "samples"), "*.png").Order(StringComparer.Ordinal)).Where(File.Exists).ToList();
        return new MogRunResult(rows, result.State == RunStatus.Diverged, (int)result.Step, files);
    }

    /// <summary>The trainer's settings of a ring run: a metrics row every <c>EvalEvery</c> steps, the fixed latents
    /// (<c>grid_size</c>) are the evaluation samples, a checkpoint at the end only, no image grid or image metrics.</summary>
    public static RunConfig Config(MogOptions o) => new()
    {
        Game = GameName, Scheme = o.Scheme, Optimizer = o.Optimizer, LrD = o.LrD, LrG = o.LrG, Steps = o.Steps,
        Regularisers = o.Regularisers ?? "", Loss = o.Loss, BatchSize = o.Batch, Seed = unchecked((long)o.Seed), LatentDim = o.LatentDim,
        LogEvery = o.EvalEvery, GridSize = o.EvalSamples, SampleEvery = 0, CheckpointEvery = 0, EvalEvery = 0, Metrics = "", Device = "cpu",
        RingModes = o.Modes, RingRadius = o.Radius, RingStd = o.Std, MlpHidden = o.Hidden, MlpLayers = o.Layers, Snapshots = o.Snapshots,
        MinSamplesPerMode = o.MinSamplesPerMode,
    };

    /// <summary>The ring as a game of the trainer, from the config's ring keys (<c>ring_modes</c>, <c>ring_radius</c>,
    /// <c>ring_std</c>, <c>mlp_hidden</c>, <c>mlp_layers</c>, <c>snapshots</c>, <c>min_samples_per_mode</c>; the
    /// evaluation samples are the <c>grid_size</c> fixed latents, measured every <c>log_every</c> steps): two MLPs, real
    /// points drawn from the mixture, the mode-coverage columns and, in a run directory, the scatter plots. Registered
    /// as <c>ring-of-gaussians</c>; <paramref name="log"/> also prints each measurement.</summary>
    public static GameDefinition Game(RunConfig c, Action<string>? log = null)
    {
        var ring = new RingOfGaussians(c.RingModes, c.RingRadius, c.RingStd);
        var title = $"ring of {ring.Modes} Gaussians: {c.Scheme}, {c.Optimizer}, lr_d={Num(c.LrD)}, lr_g={Num(c.LrG)}" +
                    (string.IsNullOrWhiteSpace(c.Regularisers) ? "" : ", " + c.Regularisers);
        var every = Math.Max(1, c.LogEvery);
        return new GameDefinition(
            (_, rng) => MogGan.Generator(c.LatentDim, c.MlpHidden, c.MlpLayers, rng),
            (_, rng) => MogGan.Discriminator(c.MlpHidden, c.MlpLayers, rng),
            Draw: (n, rng) => ring.Sample(n, rng),
            Observers: s => [new ModeCoverageObserver(s, ring, every, c.MinSamplesPerMode, log),
                .. s.RunDirectory is { } dir
                    ? [new ScatterSnapshots(s, ring, SnapshotSteps(c.Steps, c.Snapshots), c.MinSamplesPerMode, dir, title)]
                    : Array.Empty<IStepObserver>()]);
    }

    /// <summary>Steps 0 .. steps, <paramref name="count"/> of them evenly spaced (the last step always included).</summary>
    public static HashSet<int> SnapshotSteps(int steps, int count) =>
        count == 1 ? new HashSet<int> { steps }
            : Enumerable.Range(0, count).Select(i => (int)Math.Round((double)i * steps / (count - 1))).ToHashSet();

    private static string Num(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
