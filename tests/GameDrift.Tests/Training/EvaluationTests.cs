using System.Text.Json;
using GameDrift.Tests.Metrics;
using GameDrift.Torch;
using GameDrift.Torch.nn;
using GameDrift.Training;

namespace GameDrift.Tests.Training;

/// <summary>The runner's image-metric hook and the eval command's library side, on a tiny GAN with labelled data
/// (the fallback classifier needs labels), with the cache in a temporary folder.</summary>
[Collection(CacheEnvironment.Name)]
public class EvaluationTests
{
    private const string Game = "test-tiny-labelled-gan";
    private const string Fid = "fid_fashion-mnist-classifier", Is = "is_fashion-mnist-classifier", Kid = "kid_fashion-mnist-classifier";

    static EvaluationTests() => GameFactory.Register(Game, new GameDefinition(
        (c, rng) => new Sequential(new Linear(c.LatentDim, 64, generator: rng), new BatchNorm1d(64), new Tanh(), new Unflatten(1, 1, 8, 8)),
        (c, rng) => new Sequential(new Flatten(), new Linear(64, 16, generator: rng), new LeakyReLU(0.2), new Linear(16, 1, generator: rng)),
        _ => LabelledImages.Create()));

    private static RunConfig Config(params string[] overrides)
    {
        var c = new RunConfig
        {
            Game = Game, BatchSize = 4, LatentDim = 4, Steps = 6, Seed = 3, LogEvery = 2, SampleEvery = 0, CheckpointEvery = 3,
            GridSize = 4, LrD = 0.05, LrG = 0.05, EvalEvery = 3, Metrics = "fid,is,kid", EvalSamples = 24, BestMetric = "fid",
        };
        ConfigLoader.ApplyOverrides(c, overrides);
        return c;
    }

    [Fact]
    public void EvaluationsWriteTheirColumnsAndKeepTheBestCheckpoint()
    {
        using var env = new CacheEnvironment.Scope();
        using var run = new TempDirectory();
        new Trainer(Config(), run.Path).Run();
        var (header, rows) = MetricsLog.Read(run.Combine("metrics.csv"));
        int fid = Array.IndexOf(header, Fid), isc = Array.IndexOf(header, Is), kid = Array.IndexOf(header, Kid);
        Assert.True(fid > 0 && isc > 0 && kid > 0, string.Join(",", header));
        // Rows at log steps 2, 4, 6 and evaluation steps 3, 6; metric cells only at 3 and 6.
        Assert.Equal(new double?[] { 2, 3, 4, 6 }, rows.Select(r => r[0]));
        foreach (var r in rows)
        {
            bool evaluated = r[0] is 3 or 6;
            foreach (var col in new[] { fid, isc, kid })
                Assert.Equal(evaluated, r[col] is { } v && double.IsFinite(v));
        }
        Assert.All(rows.Where(r => r[0] is 3 or 6), r => Assert.InRange(r[isc]!.Value, 1.0, 2.0)); // two classes
        var best = rows.Where(r => r[0] is 3 or 6).MinBy(r => r[fid]!.Value)!;
        var record = ReadBest(run.Path);
        Assert.Equal(Fid, record.Column);
        Assert.Equal(best[0], record.Step);
        Assert.True(Math.Abs(best[fid]!.Value - record.Value) <= 1e-8 * Math.Max(1, Math.Abs(record.Value)), $"{best[fid]} vs {record.Value}"); // csv holds 9 digits
        using var ckpt = Checkpoint.Load(run.Combine("checkpoints", "best.pt"));
        Assert.Equal(record.Step, ckpt.Step);
        // The cache holds the classifier and the reference statistics for the next run.
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(env.Directory.Path, "classifiers"), "*.pt"));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(env.Directory.Path, "stats"), "*.npz"));
    }

    [Fact]
    public void AResumedRunKeepsTheHeaderTheValuesAndTheBestRecord()
    {
        using var env = new CacheEnvironment.Scope();
        using var straight = new TempDirectory();
        using var split = new TempDirectory();
        new Trainer(Config(), straight.Path).Run();
        new Trainer(Config("steps=3"), split.Path).Run();
        var half = ReadBest(split.Path);
        Assert.Equal(3, half.Step);
        new Trainer(Config(), split.Path).Run(resume: true);
        var a = MetricsLog.Read(straight.Combine("metrics.csv"));
        var b = MetricsLog.Read(split.Combine("metrics.csv"));
        Assert.Equal(a.Header, b.Header);
        int fid = Array.IndexOf(a.Header, Fid);
        // Evaluation draws its own fixed latents, so the resumed run scores exactly what the straight one did.
        Assert.Equal(a.Rows.Select(r => r[fid]), b.Rows.Select(r => r[fid]));
        Assert.Equal(ReadBest(straight.Path), ReadBest(split.Path));
    }

    [Fact]
    public void ABestMetricThatIsNotEvaluatedIsNamed()
    {
        using var env = new CacheEnvironment.Scope();
        using var run = new TempDirectory();
        var e = Assert.Throws<ArgumentException>(() => new Trainer(Config("metrics=fid", "best_metric=is"), run.Path).Run());
        Assert.Contains("best_metric", e.Message);
        var bad = Assert.Throws<ArgumentException>(() => new Trainer(Config("metrics=fid,psnr"), run.Combine("second")).Run());
        Assert.Contains("psnr", bad.Message);
        Assert.Contains("extractor", Assert.Throws<ArgumentException>(() => Config("extractor=vgg").Validate()).Message);
    }

    [Fact]
    public void ScoringAFinishedRunWritesEvalJson()
    {
        using var env = new CacheEnvironment.Scope();
        using var run = new TempDirectory();
        new Trainer(Config("eval_every=0", "metrics=", "best_metric="), run.Path).Run();
        Assert.False(File.Exists(run.Combine("checkpoints", "best.pt")));
        var result = RunScoring.Run(run.Path, new RunScoring.Options(Metrics: "fid,is", Samples: 20));
        Assert.Equal(6, result.Step);
        Assert.Equal("fashion-mnist-classifier", result.Extractor);
        Assert.Equal(new[] { Fid, Is }, result.Values.Keys.Order().ToArray());
        Assert.True(result.Std.ContainsKey(Is));
        using var doc = JsonDocument.Parse(File.ReadAllText(run.Combine("eval.json")));
        Assert.Equal(result.Values[Fid], doc.RootElement.GetProperty("metrics").GetProperty(Fid).GetDouble());
        Assert.Equal(20, doc.RootElement.GetProperty("samples").GetInt32());
        Assert.Matches("^[0-9a-f]{12}$", doc.RootElement.GetProperty("extractor_fingerprint").GetString());
        // Scoring is deterministic: the same checkpoint and latents give the same numbers.
        var again = RunScoring.Run(run.Path, new RunScoring.Options(Metrics: "fid,is", Samples: 20));
        Assert.Equal(result.Values[Fid], again.Values[Fid]);
        var missing = Assert.Throws<FileNotFoundException>(() => RunScoring.Run(run.Path, new RunScoring.Options(Checkpoint: "best")));
        Assert.Contains("best.pt", missing.Message);
        var noInception = Assert.Throws<FileNotFoundException>(() => RunScoring.Run(run.Path, new RunScoring.Options(Extractor: "inception")));
        Assert.Contains("inception-2015-12-05.pt", noInception.Message);
    }

    private static BestRecord ReadBest(string runDir) =>
        JsonSerializer.Deserialize<BestRecord>(File.ReadAllText(Path.Combine(runDir, "checkpoints", "best.json")),
            new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!;
}
