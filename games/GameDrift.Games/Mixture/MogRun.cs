using System.Diagnostics;
using System.Globalization;
using GameDrift.Games;
using GameDrift.Losses;
using GameDrift.Regularisers;
using GameDrift.Schemes;
using GameDrift.Torch;
using GameDrift.Torch.nn;
using GameDrift.Torch.optim;
using GameDrift.Transforms;
using GameDrift.Io.Csv;

namespace GameDrift.Games.Mixture;

/// <summary>One measurement of a run: after <paramref name="Step"/> updates. The losses are those of the batch of
/// update <paramref name="Step"/> (NaN at step 0, before any update).</summary>
public sealed record MogMetricsRow(int Step, double WallTime, double LossD, double LossG, int ModesCovered, double HighQualityFraction);

/// <summary>What a run produced: its metric rows, whether it stopped on a non-finite value, and the files written.</summary>
public sealed record MogRunResult(IReadOnlyList<MogMetricsRow> Rows, bool Diverged, int LastStep, IReadOnlyList<string> Files);

/// <summary>Trains the ring-of-Gaussians GAN through <see cref="GanGame"/>, an update scheme, one optimiser per player
/// and any regularisers, in float32, and writes <c>metrics.csv</c>, <c>samples/step_NNNNNN.png</c> (generated samples
/// over the mode centres) and <c>panel.png</c> (all snapshots side by side). Every random draw comes from generators
/// seeded by <see cref="MogOptions.Seed"/>: initialisation, training batches, evaluation latents, WGAN-GP mixing.</summary>
public static class MogRun
{
    public static readonly string[] Columns = { "step", "wall_time", "loss_d", "loss_g", "modes_covered", "high_quality_fraction" };

    public static MogRunResult Run(MogOptions o, string outDir, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(o);
        o.Validate();
        var ring = new RingOfGaussians(o.Modes, o.Radius, o.Std);
        var loss = GanLoss.Parse(o.Loss);
        using var initRng = new Generator(o.Seed);
        using var dataRng = new Generator(o.Seed + 1);
        using var evalRng = new Generator(o.Seed + 2);
        using var penaltyRng = new Generator(o.Seed + 3);
        var regularisers = RegulariserRegistry.Parse(o.Regularisers, penaltyRng);
        using var disc = MogGan.Discriminator(o.Hidden, o.Layers, initRng);
        using var gen = MogGan.Generator(o.LatentDim, o.Hidden, o.Layers, initRng);
        var sigma = InstanceNoise.Sigma(o.Regularisers);
        var game = sigma == 0 ? MogGan.Game(disc, gen, loss)
            : new GanGame(InstanceNoise.Wrap(disc.Forward, sigma, penaltyRng), disc.Parameters(), gen.Forward, gen.Parameters(), loss);
        var batches = new BatchSource(() => new GameBatch(ring.Sample(o.Batch, dataRng),
            torch.Randn(new long[] { o.Batch, o.LatentDim }, dataRng, ScalarType.Float32)));
        var (optD, optG) = (Optimiser(o, disc.Parameters(), o.LrD), Optimiser(o, gen.Parameters(), o.LrG));
        var scheme = SchemeFactory.Create(SchemeFactory.Parse(o.Scheme, "--scheme"), game, Chain.Of(regularisers, optD), Chain.Of(regularisers, optG), batches);
        using var evalLatents = torch.Randn(new long[] { o.EvalSamples, o.LatentDim }, evalRng, ScalarType.Float32);

        Directory.CreateDirectory(Path.Combine(outDir, "samples"));
        var files = new List<string>();
        var snapshotSteps = SnapshotSteps(o.Steps, o.Snapshots);
        var snapshots = new List<(int Step, double[] Xs, double[] Ys, ModeCoverage Coverage)>();
        var rows = new List<MogMetricsRow>();
        var clock = Stopwatch.StartNew();
        var metricsPath = Path.Combine(outDir, "metrics.csv");
        using var csvText = new StreamWriter(metricsPath);
        using var csv = CsvFile.Writer(csvText);
        csv.WriteRow(Columns);
        files.Add(metricsPath);

        bool diverged = false;
        int step = 0;
        double lossD = double.NaN, lossG = double.NaN;
        while (true)
        {
            bool measure = step % o.EvalEvery == 0 || step == o.Steps || snapshotSteps.Contains(step) || diverged;
            if (measure)
            {
                var (xs, ys) = Samples(gen, evalLatents);
                var cov = ModeCoverage.Measure(ring, xs, ys, 3, o.MinSamplesPerMode);
                var row = new MogMetricsRow(step, clock.Elapsed.TotalSeconds, lossD, lossG, cov.ModesCovered, cov.HighQualityFraction);
                rows.Add(row);
                csv.WriteRow(Format(row));
                csv.Flush();
                if (snapshotSteps.Contains(step) || diverged)
                {
                    snapshots.Add((step, xs, ys, cov));
                    var png = Path.Combine(outDir, "samples", $"step_{step:D6}.png");
                    MogPlots.Picture(ring, xs, ys, Title(step, cov, ring)).Save(png);
                    files.Add(png);
                }
                log?.Invoke($"step {step}: loss_d {lossD:G4}, loss_g {lossG:G4}, modes {cov.ModesCovered}/{ring.Modes}, high quality {cov.HighQualityFraction:P1}");
            }
            if (diverged || step == o.Steps) break;
            var d = scheme.Step();
            step++;
            (lossD, lossG) = (d.Phi.Loss, d.Theta.Loss);
            if (!double.IsFinite(lossD) || !double.IsFinite(lossG)) diverged = true;
        }

        var panel = Path.Combine(outDir, "panel.png");
        MogPlots.Panel(ring, snapshots.Select(s => (s.Xs, s.Ys, Title(s.Step, s.Coverage, ring))).ToArray(),
            $"ring of {ring.Modes} Gaussians: {o.Scheme}, {o.Optimizer}, lr_d={Num(o.LrD)}, lr_g={Num(o.LrG)}" +
            (regularisers.Count == 0 ? "" : ", " + string.Join(",", regularisers.Select(r => r.Name)))).Save(panel);
        files.Add(panel);
        return new MogRunResult(rows, diverged, step, files);
    }

    /// <summary>Steps 0 .. steps, <paramref name="count"/> of them evenly spaced (the last step always included).</summary>
    public static HashSet<int> SnapshotSteps(int steps, int count) =>
        count == 1 ? new HashSet<int> { steps }
            : Enumerable.Range(0, count).Select(i => (int)Math.Round((double)i * steps / (count - 1))).ToHashSet();

    private static IPlayerOptimizer Optimiser(MogOptions o, IEnumerable<Tensor> ps, double lr) => o.Optimizer == "sgd"
        ? OptimizerAdapter.Sgd(ps, lr)
        // beta1 = 0.5, the usual GAN setting (Metz et al. use Adam with lr 1e-4).
        : new OptimizerAdapter(new Adam(ps, lr, betas: (0.5, 0.999)));

    private static (double[] Xs, double[] Ys) Samples(Module gen, Tensor latents)
    {
        using var scope = torch.NewDisposeScope();
        using var _ = torch.NoGrad();
        var flat = gen.Forward(latents).To(ScalarType.Float64).Contiguous().ToArray<double>();
        var n = flat.Length / 2;
        var xs = new double[n];
        var ys = new double[n];
        for (int i = 0; i < n; i++) { xs[i] = flat[2 * i]; ys[i] = flat[2 * i + 1]; }
        return (xs, ys);
    }

    private static string Title(int step, ModeCoverage c, RingOfGaussians ring) =>
        $"step {step}: {c.ModesCovered}/{ring.Modes} modes, {100 * c.HighQualityFraction:F0}% hq";

    private static string[] Format(MogMetricsRow r) =>
    [
        r.Step.ToString(CultureInfo.InvariantCulture), Num(r.WallTime), Num(r.LossD), Num(r.LossG),
        r.ModesCovered.ToString(CultureInfo.InvariantCulture), Num(r.HighQualityFraction),
    ];

    // Blank for a value not measured (the losses at step 0).
    private static string Num(double v) => double.IsNaN(v) ? "" : v.ToString("G6", CultureInfo.InvariantCulture);
}
