using System.Globalization;
using GameDrift.Training;

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

    public static MogRunResult Run(MogOptions o, string outDir, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(o);
        o.Validate();
        var config = Config(o);
        var result = new Trainer(config, outDir) { Game = Game(o, config, outDir, log), Overwrite = true }.Run();
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
        Game = "ring-of-gaussians", Scheme = o.Scheme, Optimizer = o.Optimizer, LrD = o.LrD, LrG = o.LrG, Steps = o.Steps,
        Regularisers = o.Regularisers ?? "", Loss = o.Loss, BatchSize = o.Batch, Seed = unchecked((long)o.Seed), LatentDim = o.LatentDim,
        LogEvery = o.EvalEvery, GridSize = o.EvalSamples, SampleEvery = 0, CheckpointEvery = 0, EvalEvery = 0, Metrics = "", Device = "cpu",
    };

    /// <summary>The ring as a game of the trainer: two MLPs, real points drawn from the mixture, and its observers.</summary>
    public static GameDefinition Game(MogOptions o, RunConfig config, string outDir, Action<string>? log = null)
    {
        var ring = new RingOfGaussians(o.Modes, o.Radius, o.Std);
        var title = $"ring of {ring.Modes} Gaussians: {o.Scheme}, {o.Optimizer}, lr_d={Num(o.LrD)}, lr_g={Num(o.LrG)}" +
                    (string.IsNullOrWhiteSpace(o.Regularisers) ? "" : ", " + o.Regularisers);
        return new GameDefinition(
            (c, rng) => MogGan.Generator(c.LatentDim, o.Hidden, o.Layers, rng),
            (_, rng) => MogGan.Discriminator(o.Hidden, o.Layers, rng),
            Draw: (n, rng) => ring.Sample(n, rng),
            Observers: s => [new ModeCoverageObserver(s, ring, o.EvalEvery, o.MinSamplesPerMode, log),
                             new ScatterSnapshots(s, ring, SnapshotSteps(o.Steps, o.Snapshots), o.MinSamplesPerMode, outDir, title)]);
    }

    /// <summary>Steps 0 .. steps, <paramref name="count"/> of them evenly spaced (the last step always included).</summary>
    public static HashSet<int> SnapshotSteps(int steps, int count) =>
        count == 1 ? new HashSet<int> { steps }
            : Enumerable.Range(0, count).Select(i => (int)Math.Round((double)i * steps / (count - 1))).ToHashSet();

    private static string Num(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
