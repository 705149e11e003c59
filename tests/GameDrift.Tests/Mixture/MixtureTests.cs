using System.Globalization;
using GameDrift.Games.Mixture;
using GameDrift.Io.Png;
using GameDrift.Torch;
using GameDrift.Training;

namespace GameDrift.Tests.Mixture;

/// <summary>The ring-of-Gaussians data, its mode-collapse measures on hand-made sample sets, and a short training run.</summary>
public class MixtureTests
{
    [Fact]
    public void RingSamplesHaveTheModesWeightsAndSpreadOfTheMixture()
    {
        var ring = new RingOfGaussians();
        Assert.Equal(8, ring.Centres.Count);
        for (int k = 0; k < 8; k++)
        {
            Assert.Equal(2 * Math.Cos(Math.PI * k / 4), ring.Centres[k].X, 12);
            Assert.Equal(2 * Math.Sin(Math.PI * k / 4), ring.Centres[k].Y, 12);
        }
        const int n = 40_000;
        using var gen = new Generator(7);
        using var s = ring.Sample(n, gen);
        Assert.Equal(ScalarType.Float32, s.DType);
        Assert.Equal(new long[] { n, 2 }, s.Shape);
        var xy = s.To(ScalarType.Float64).ToArray<double>();
        var count = new int[8];
        var sq = new double[8];
        for (int i = 0; i < n; i++)
        {
            double x = xy[2 * i], y = xy[2 * i + 1];
            int k = Enumerable.Range(0, 8).MinBy(j => Math.Pow(x - ring.Centres[j].X, 2) + Math.Pow(y - ring.Centres[j].Y, 2));
            count[k]++;
            sq[k] += Math.Pow(x - ring.Centres[k].X, 2) + Math.Pow(y - ring.Centres[k].Y, 2);
        }
        double expected = n / 8.0, sd = Math.Sqrt(n * (1 / 8.0) * (7 / 8.0));
        for (int k = 0; k < 8; k++)
        {
            Assert.InRange(count[k], expected - 5 * sd, expected + 5 * sd);
            // E|x - c|^2 = 2 std^2 per mode; its estimate over ~5000 samples is within a few percent.
            Assert.InRange(Math.Sqrt(sq[k] / count[k] / 2), 0.02 * 0.95, 0.02 * 1.05);
        }
        // Seeded: the same generator seed gives the same samples.
        using var gen2 = new Generator(7);
        using var again = ring.Sample(n, gen2);
        Assert.Equal(xy, again.To(ScalarType.Float64).ToArray<double>());
    }

    [Fact]
    public void MetricsOnHandMadeSampleSets()
    {
        var ring = new RingOfGaussians();
        var (c0, c2) = (ring.Centres[0], ring.Centres[2]);
        var xs = new List<double>();
        var ys = new List<double>();
        void Add(double x, double y, int times) { for (int i = 0; i < times; i++) { xs.Add(x); ys.Add(y); } }
        Add(c0.X + 0.05, c0.Y, 20);          // within 3 std (0.06): high quality, mode 0
        Add(c2.X, c2.Y - 0.059, 19);         // high quality, mode 2, one short of 20
        Add(c2.X + 0.07, c2.Y, 5);           // nearest mode 2 but outside 3 std
        Add(0, 0, 5);                        // between the modes
        Add(double.NaN, double.NaN, 1);      // a diverged sample is never high quality
        var strict = ModeCoverage.Measure(ring, xs, ys, minSamples: 20);
        Assert.Equal(1, strict.ModesCovered);
        Assert.Equal(39.0 / 50, strict.HighQualityFraction, 12);
        Assert.Equal(new[] { 20, 0, 19, 0, 0, 0, 0, 0 }, strict.HighQualityPerMode);
        Assert.Equal(2, ModeCoverage.Measure(ring, xs, ys, minSamples: 1).ModesCovered);
        // A wider threshold (4 std = 0.08) admits the 5 samples at 0.07.
        Assert.Equal(44.0 / 50, ModeCoverage.Measure(ring, xs, ys, stdMultiple: 4).HighQualityFraction, 12);
        // Every mode hit once: all covered at minSamples 1.
        var all = ModeCoverage.Measure(ring, ring.Centres.Select(c => c.X).ToArray(), ring.Centres.Select(c => c.Y).ToArray());
        Assert.Equal(8, all.ModesCovered);
        Assert.Equal(1.0, all.HighQualityFraction);
        Assert.Throws<ArgumentException>(() => ModeCoverage.Measure(ring, new double[0], new double[0]));
        Assert.Throws<ArgumentException>(() => ModeCoverage.Measure(ring, new[] { 1.0 }, new[] { 1.0, 2.0 }));
    }

    [Theory]
    [InlineData("simultaneous", "sgd", "cancel-interaction")]
    [InlineData("alternating", "adam", "r1=0.5,co=0.1")]
    public void ShortRunHasFiniteLossesAndWritesItsFiles(string scheme, string optimizer, string reg)
    {
        using var dir = new TempDirectory();
        var o = new MogOptions(Scheme: scheme, Optimizer: optimizer, LrD: 0.01, LrG: 0.01, Steps: 6, Regularisers: reg, Batch: 32,
            Seed: 3, Hidden: 16, Layers: 2, LatentDim: 8, EvalEvery: 3, EvalSamples: 200, Snapshots: 2);
        var result = MogRun.Run(o, dir.Path);
        Assert.False(result.Diverged);
        Assert.Equal(new[] { 0, 3, 6 }, result.Rows.Select(r => r.Step));
        Assert.All(result.Rows.Skip(1), r => Assert.True(double.IsFinite(r.LossD) && double.IsFinite(r.LossG)));
        var lines = File.ReadAllLines(dir.Combine("metrics.csv"));
        // The ring's columns, in this order, among the trainer's step diagnostics.
        var header = lines[0].Split(',');
        var at = MogRun.Columns.Select(c => Array.IndexOf(header, c)).ToArray();
        Assert.All(at, i => Assert.True(i >= 0));
        Assert.Equal(at.Order(), at);
        Assert.Equal(4, lines.Length);
        Assert.Equal(new[] { "", "" }, new[] { at[2], at[3] }.Select(i => lines[1].Split(',')[i])); // no losses before the first step
        Assert.True(double.IsFinite(double.Parse(lines[3].Split(',')[at[2]], CultureInfo.InvariantCulture)));
        foreach (var png in new[] { "panel.png", "samples/step_000000.png", "samples/step_000006.png" })
        {
            var img = PngDecoder.Decode(File.ReadAllBytes(dir.Combine(png)));
            Assert.True(img.Width > 100 && img.Height > 100, png);
        }
        // Seeded: the same options give the same losses.
        using var dir2 = new TempDirectory();
        var again = MogRun.Run(o, dir2.Path);
        Assert.Equal(result.Rows.Select(r => r.LossD), again.Rows.Select(r => r.LossD));
    }

    [Fact]
    public void ARingRunResumesBitForBit()
    {
        // The ring draws its data from the latent stream: its checkpoint has no sampler, and the RNG state it saves suffices.
        var o = new MogOptions(Steps: 6, Batch: 16, Seed: 5, Hidden: 8, Layers: 1, LatentDim: 4, EvalEvery: 2, EvalSamples: 50, Snapshots: 2);
        string[] Run(string dir, int steps, bool resume)
        {
            var config = MogRun.Config(o with { Steps = steps });
            config.CheckpointEvery = 2;
            Assert.Equal(RunStatus.Finished, new Trainer(config, dir) { Game = MogRun.Game(config) }.Run(resume).State);
            // Everything but wall_time.
            return File.ReadAllLines(Path.Combine(dir, "metrics.csv")).Select(l => string.Join(",", l.Split(',').Where((_, k) => k != 1))).ToArray();
        }
        using var straight = new TempDirectory();
        using var split = new TempDirectory();
        var expected = Run(straight.Path, 6, false);
        Assert.Equal(5, expected.Length); // header, steps 0, 2, 4, 6
        Run(split.Path, 2, false);
        Assert.Equal(expected, Run(split.Path, 6, true));
    }

    /// <summary>The ring is a config game of the trainer: its settings written to a config file and trained by `train`'s
    /// path (game ring-of-gaussians from the factory) give `mog`'s run.</summary>
    [Fact]
    public void ARingFromAConfigFileIsTheMogRun()
    {
        var o = new MogOptions(Scheme: "alternating", Steps: 6, Batch: 16, Seed: 9, Hidden: 8, Layers: 1, LatentDim: 4, EvalEvery: 2,
            EvalSamples: 60, Snapshots: 2, Std: 0.1, Modes: 6, Radius: 1.5, MinSamplesPerMode: 3, Regularisers: "cancel-interaction");
        using var mog = new TempDirectory();
        MogRun.Run(o, mog.Path);
        using var train = new TempDirectory();
        var file = train.Combine("ring.yaml");
        ConfigLoader.Save(MogRun.Config(o), file);
        var config = ConfigLoader.Load(file);
        Assert.Equal((6, 1.5, 0.1, 8, 1, 2, 3), (config.RingModes, config.RingRadius, config.RingStd, config.MlpHidden, config.MlpLayers,
            config.Snapshots, config.MinSamplesPerMode));
        GameDrift.Games.BuiltInGames.Register();
        var run = train.Combine("run");
        Assert.Equal(RunStatus.Finished, new Trainer(config, run).Run().State);
        string[] Rows(string dir) => File.ReadAllLines(Path.Combine(dir, "metrics.csv")).Select(l => string.Join(",", l.Split(',').Where((_, k) => k != 1))).ToArray();
        Assert.Equal(Rows(mog.Path), Rows(run));
        Assert.True(File.Exists(Path.Combine(run, "panel.png")));
    }

    [Fact]
    public void BadOptionsAreClearErrors()
    {
        using var dir = new TempDirectory();
        Assert.Contains("--scheme", Assert.Throws<ArgumentException>(() => MogRun.Run(new MogOptions(Scheme: "leapfrog"), dir.Path)).Message);
        Assert.Contains("--lr-g", Assert.Throws<ArgumentException>(() => MogRun.Run(new MogOptions(LrG: -1), dir.Path)).Message);
        Assert.Throws<FormatException>(() => MogRun.Run(new MogOptions(Steps: 1, Regularisers: "r3=1"), dir.Path));
    }
}
