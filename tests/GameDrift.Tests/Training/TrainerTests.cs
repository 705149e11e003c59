using GameDrift.Io.Png;
using GameDrift.Torch;
using GameDrift.Training;

namespace GameDrift.Tests.Training;

[Collection(GlobalRngCollection.Name)]
public class TrainerTests
{
    private static TrainResult Train(string dir, RunConfig config, bool resume = false) => new Trainer(config, dir).Run(resume);

    [Theory]
    [InlineData("scheme=simultaneous")]
    [InlineData("scheme=alternating")]
    [InlineData("scheme=rk4")]
    [InlineData("scheme=simultaneous", "regularisers=cancel-interaction")]
    [InlineData("scheme=alternating", "regularisers=r1=0.3")]
    [InlineData("optimizer=adam", "ema=0.9")]
    public void TinyGanTrainsWithFiniteLosses(params string[] overrides)
    {
        using var tmp = new TempDirectory();
        var result = Train(tmp.Path, TinyGan.Config(overrides));
        Assert.Equal(RunStatus.Finished, result.State);
        Assert.Equal(6, result.Step);
        var (header, rows) = MetricsLog.Read(tmp.Combine("metrics.csv"));
        Assert.Equal(6, rows.Count);
        foreach (var col in new[] { "loss_d", "loss_g", "grad_d_loss_d", "grad_g_loss_g" })
        {
            var i = Array.IndexOf(header, col);
            Assert.True(i >= 0, col);
            Assert.All(rows, r => Assert.True(r[i] is { } v && double.IsFinite(v), $"{col} not finite"));
        }
        Assert.True(File.Exists(tmp.Combine("config.yaml")));
        Assert.True(File.Exists(tmp.Combine("checkpoints", "latest.pt")));
        Assert.True(File.Exists(tmp.Combine("samples", "step_000003.png")));
        Assert.Equal(RunStatus.Finished, RunStatus.Load(tmp.Path)!.State);
    }

    [Fact]
    public void ResumeReachesTheSameParametersBitForBit()
    {
        using var straight = new TempDirectory();
        using var split = new TempDirectory();
        // Momentum (optimiser state), BN running statistics, dropout and the regulariser all matter for the match.
        string[] o = ["momentum=0.5", "regularisers=cancel-interaction", "steps=8", "checkpoint_every=4", "ema=0.5"];
        Train(straight.Path, TinyGan.Config(o));
        Train(split.Path, TinyGan.Config([.. o, "steps=4"]));
        var resumed = Train(split.Path, TinyGan.Config(o), resume: true);
        Assert.Equal(8, resumed.Step);
        using var a = Checkpoint.Load(Path.Combine(straight.Path, "checkpoints", "latest.pt"));
        using var b = Checkpoint.Load(Path.Combine(split.Path, "checkpoints", "latest.pt"));
        Assert.Equal(8, b.Step);
        var names = a.Tensors.Keys.Where(k => k != "wall_time").Order().ToArray();
        Assert.Equal(names, b.Tensors.Keys.Where(k => k != "wall_time").Order().ToArray());
        Assert.Contains(names, n => n.StartsWith(Checkpoint.DiscriminatorPrefix));
        foreach (var n in names)
            Assert.True(a.Tensors[n].To(ScalarType.Float64).ToArray<double>().SequenceEqual(b.Tensors[n].To(ScalarType.Float64).ToArray<double>()), n);
        // The resumed run's metrics continue the first half's rows without duplicates.
        var (_, rows) = MetricsLog.Read(Path.Combine(split.Path, "metrics.csv"));
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (double?)i), rows.Select(r => r[0]));
    }

    [Fact]
    public void ResumeDiffersWithoutRestoringState()
    {
        // Guards the bit-exact test against passing trivially: a different seed gives different parameters.
        using var x = new TempDirectory();
        using var y = new TempDirectory();
        Train(x.Path, TinyGan.Config("steps=2"));
        Train(y.Path, TinyGan.Config("steps=2", "seed=8"));
        using var a = Checkpoint.Load(Path.Combine(x.Path, "checkpoints", "latest.pt"));
        using var b = Checkpoint.Load(Path.Combine(y.Path, "checkpoints", "latest.pt"));
        var k = a.Tensors.Keys.First(n => n.StartsWith(Checkpoint.GeneratorPrefix));
        Assert.False(a.Tensors[k].ToArray<float>().SequenceEqual(b.Tensors[k].ToArray<float>()));
    }

    [Fact]
    public void DivergenceStopsTheRunAndKeepsTheLastGoodCheckpoint()
    {
        using var tmp = new TempDirectory();
        var config = TinyGan.Config("steps=3", "checkpoint_every=3");
        Train(tmp.Path, config);
        var ckpt = tmp.Combine("checkpoints", "latest.pt");
        var result = Train(tmp.Path, TinyGan.Config("steps=400", "lr_d=1e30", "lr_g=1e30", "checkpoint_every=3"), resume: true);
        Assert.True(result.Diverged);
        Assert.InRange(result.Step, 4, 400);
        var status = RunStatus.Load(tmp.Path)!;
        Assert.Equal(RunStatus.Diverged, status.State);
        Assert.Equal(result.Step, status.Step);
        // A finite checkpoint from before the divergence survives.
        using var kept = Checkpoint.Load(ckpt);
        Assert.True(kept.Step < result.Step);
        Assert.All(kept.Tensors.Where(t => t.Key.StartsWith(Checkpoint.GeneratorPrefix)),
            t => Assert.All(t.Value.To(ScalarType.Float64).ToArray<double>(), v => Assert.True(double.IsFinite(v))));
        Assert.Contains("diverged", File.ReadAllText(tmp.Combine("log.txt")));
    }

    [Fact]
    public void SampleGridDecodesToTheExpectedSize()
    {
        using var tmp = new TempDirectory();
        Train(tmp.Path, TinyGan.Config("steps=3", "grid_size=6"));
        var png = PngDecoder.Load(tmp.Combine("samples", "step_000003.png"));
        var (w, h) = GameDrift.Io.Images.ImageGrid.Size(6, 8, 8);
        Assert.Equal((w, h), (png.Width, png.Height));
    }

    [Fact]
    public void UnknownConfigKeyAndUnknownGameAreNamed()
    {
        using var tmp = new TempDirectory();
        var file = tmp.Combine("bad.yaml");
        File.WriteAllText(file, "game: fmnist-dcgan\nlearning_rate: 0.1\n");
        var e = Assert.Throws<FormatException>(() => ConfigLoader.Load(file));
        Assert.Contains("learning_rate", e.Message);
        Assert.Contains("bad.yaml", e.Message);
        var g = Assert.Throws<ArgumentException>(() => Train(tmp.Combine("run"), TinyGan.Config("game=no-such-game")));
        Assert.Contains("no-such-game", g.Message);
    }

    [Fact]
    public void ResumeWithoutCheckpointIsAClearError()
    {
        using var tmp = new TempDirectory();
        var e = Assert.Throws<FileNotFoundException>(() => Train(tmp.Path, TinyGan.Config(), resume: true));
        Assert.Contains("latest.pt", e.Message);
    }
}
