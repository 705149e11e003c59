using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using GameDrift.Data;
using GameDrift.Metrics.Extractors;
using GameDrift.Torch;
using GameDrift.Torch.nn;
using GameDrift.Io;

namespace GameDrift.Training;

/// <summary>
/// Image metrics of a run: every <c>eval_every</c> steps (and at the last step) the generator (its EMA when there is
/// one, in evaluation mode) draws <c>eval_samples</c> images from fixed latents, the configured extractor scores them
/// against cached reference statistics of the real data, the values go to metrics.csv as <c>&lt;metric&gt;_&lt;extractor&gt;</c>
/// columns, and checkpoints/best.pt is rewritten when <c>best_metric</c> improves (its value and step in
/// checkpoints/best.json, which survives a resume).
/// </summary>
public sealed class RunEvaluator : IDisposable
{
    private readonly RunConfig config;
    private readonly IFeatureExtractor extractor;
    private readonly ReferenceStatistics? reference;
    private readonly IReadOnlyList<string> metrics;
    private readonly string? bestColumn;
    private readonly string runDirectory;
    private readonly Action<string>? log;
    private BestRecord? best;

    private RunEvaluator(RunConfig config, IFeatureExtractor extractor, ReferenceStatistics? reference, IReadOnlyList<string> metrics,
        string? bestColumn, string runDirectory, Action<string>? log)
    {
        (this.config, this.extractor, this.reference, this.metrics, this.bestColumn, this.runDirectory, this.log) =
            (config, extractor, reference, metrics, bestColumn, runDirectory, log);
        Columns = metrics.Select(m => ImageMetrics.Column(m, extractor.Name)).ToList();
    }

    /// <summary>The metric columns this evaluator writes, in order.</summary>
    public IReadOnlyList<string> Columns { get; }

    public IFeatureExtractor Extractor => extractor;

    /// <summary>A hash of the extractor's weights (the classifier's state, or the Inception file): scores are comparable
    /// only between equal fingerprints.</summary>
    public string ExtractorFingerprint { get; private init; } = "";

    /// <summary>The best value so far of <c>best_metric</c> and its step; null before the first evaluation.</summary>
    public BestRecord? Best => best;

    public string BestCheckpointPath => Path.Combine(runDirectory, "checkpoints", "best.pt");
    public string BestRecordPath => Path.Combine(runDirectory, "checkpoints", "best.json");

    /// <summary>The evaluator a config asks for, or null when <c>eval_every</c> is 0 or <c>metrics</c> is empty.</summary>
    /// <param name="data">The run's real (training) images.</param>
    /// <param name="dataFromConfig">True when <paramref name="data"/> is the data set the config names, so its test split can
    /// measure the fallback classifier's accuracy.</param>
    /// <param name="resumeStep">The checkpoint step of a resumed run: a best record from later steps is dropped, since those
    /// steps run again.</param>
    /// <param name="activity">told when a long preparation starts (training the fallback classifier, or waiting for it).</param>
    public static RunEvaluator? Create(RunConfig config, ImageDataset data, bool dataFromConfig, string runDirectory,
        Action<string>? log = null, long? resumeStep = null, Action<string>? activity = null)
    {
        if (config.EvalEvery <= 0 || string.IsNullOrWhiteSpace(config.Metrics)) return null;
        return Build(config, data, dataFromConfig, runDirectory, ImageMetrics.Parse(config.Metrics, "config key 'metrics'"), log, resumeStep, activity);
    }

    /// <summary>An evaluator for the given metrics regardless of <c>eval_every</c> (the eval command).</summary>
    public static RunEvaluator Build(RunConfig config, ImageDataset data, bool dataFromConfig, string runDirectory,
        IReadOnlyList<string> metrics, Action<string>? log = null, long? resumeStep = null, Action<string>? activity = null)
    {
        if (metrics.Count == 0) throw new ArgumentException("no image metric was asked for");
        if (!(config.EvalSamples >= 2)) throw new ArgumentException($"config key 'eval_samples' must be at least 2, got {config.EvalSamples}");
        var device = RunDevice.Resolve(config.Device);
        string? bestColumn = null;
        var (extractor, key, fingerprint) = CreateExtractor(config, data, dataFromConfig, device, log, activity);
        try
        {
            if (!string.IsNullOrWhiteSpace(config.BestMetric))
            {
                var m = ImageMetrics.MetricOf(config.BestMetric.Trim().ToLowerInvariant());
                if (!metrics.Contains(m))
                    throw new ArgumentException($"config key 'best_metric' is '{config.BestMetric}', which is not among the evaluated metrics ({string.Join(", ", metrics)})");
                bestColumn = ImageMetrics.Column(m, extractor.Name);
            }
            var needs = ImageMetrics.Needs(metrics);
            var reference = needs.Features ? ReferenceStatistics.LoadOrCompute(extractor, key, config.Data, data, log: log) : null;
            var evaluator = new RunEvaluator(config, extractor, reference, metrics, bestColumn, runDirectory, log) { ExtractorFingerprint = fingerprint };
            evaluator.best = evaluator.LoadBest(resumeStep);
            return evaluator;
        }
        catch
        {
            extractor.Dispose();
            throw;
        }
    }

    /// <summary>The extractor, the cache key of its reference statistics, and a fingerprint of its weights.</summary>
    private static (IFeatureExtractor Extractor, string Key, string Fingerprint) CreateExtractor(RunConfig config, ImageDataset data,
        bool dataFromConfig, Device device, Action<string>? log, Action<string>? activity)
    {
        switch (config.Extractor)
        {
            case "inception":
            {
                var e = InceptionExtractor.Load(string.IsNullOrWhiteSpace(config.Inception) ? null : config.Inception, device);
                log?.Invoke($"image metrics with the Inception network {e.Path}");
                var hash = FileHash(e.Path);
                return (e, "inception-" + hash, hash);
            }
            case "classifier":
            {
                var test = dataFromConfig ? TryLoadTestSplit(config, log) : null;
                var e = ClassifierExtractor.LoadOrTrain(config.Data, data, test, ClassifierSchedule.Full, device, log, activity: activity);
                return (e, $"{e.CacheKey}-w{e.Fingerprint}", e.Fingerprint);
            }
            default:
                throw new ArgumentException($"config key 'extractor' is '{config.Extractor}', expected one of: classifier, inception");
        }
    }

    private static ImageDataset? TryLoadTestSplit(RunConfig config, Action<string>? log)
    {
        try
        {
            var dir = string.IsNullOrEmpty(config.DataDir) ? null : config.DataDir;
            return config.Data switch
            {
                "fashion-mnist" => FashionMnist.Load(dir, train: false),
                "mnist" when dir is not null => Mnist.Load(dir, train: false),
                "cifar10" when dir is not null => Cifar10.Load(dir, train: false),
                _ => null,
            };
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            log?.Invoke($"no test split for the classifier's accuracy ({e.Message}); it is measured on the training images");
            return null;
        }
    }

    private static string FileHash(string path)
    {
        using var s = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(s))[..12];
    }

    /// <summary>True at multiples of <c>eval_every</c> and at the last step.</summary>
    public bool Due(long step) => step % config.EvalEvery == 0 || step == config.Steps;

    /// <summary>Generates <c>eval_samples</c> images with <paramref name="generator"/> (in evaluation mode; its mode is
    /// restored) from latents drawn with a fixed seed, so every evaluation of a run scores the same latents.</summary>
    public FeatureSet Extract(Module generator)
    {
        int n = config.EvalSamples;
        var device = RunDevice.Resolve(config.Device);
        var (features, probabilities) = ImageMetrics.Needs(metrics);
        var wasTraining = generator.IsTraining;
        generator.Eval();
        try
        {
            using var rng = new Generator(EvalSeed(config.Seed));
            return FeatureExtraction.Run(extractor, n, (start, count) =>
            {
                var z = torch.Randn(new long[] { count, config.LatentDim }, rng, ScalarType.Float32, device);
                return generator.Forward(z);
            }, features, probabilities, Math.Min(FeatureExtraction.DefaultBatchSize, n)); // one batch of activations at a time
        }
        finally { generator.Train(wasTraining); }
    }

    /// <summary>Scores the generator: column → value (means), and column_std → spread for IS/KID in <paramref name="spreads"/>.</summary>
    public Dictionary<string, double> Evaluate(Module generator, Dictionary<string, double>? spreads = null) =>
        ImageMetrics.Compute(metrics, extractor.Name, Extract(generator), reference, spreads);

    /// <summary>Evaluates the session's generator (its EMA when there is one) at <paramref name="step"/> and, when the best
    /// metric improved, saves checkpoints/best.pt and best.json. Returns the metric columns.</summary>
    public Dictionary<string, double> EvaluateStep(TrainingSession session, long step, double wallTime)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var values = Evaluate(session.Ema ?? session.Generator);
        log?.Invoke(string.Create(CultureInfo.InvariantCulture,
            $"step {step}: {string.Join(", ", values.Select(kv => $"{kv.Key} {kv.Value:G6}"))} ({clock.Elapsed.TotalSeconds:F1} s)"));
        if (bestColumn is not null && values.TryGetValue(bestColumn, out var v) && double.IsFinite(v) && Improves(v))
        {
            session.SaveCheckpoint(BestCheckpointPath, step, wallTime);
            best = new BestRecord(bestColumn, v, step);
            AtomicFile.WriteAllText(BestRecordPath, JsonSerializer.Serialize(best, BestRecord.Json));
        }
        return values;
    }

    private bool Improves(double v) => best is null || (ImageMetrics.LowerIsBetter(ImageMetrics.MetricOf(bestColumn!)) ? v < best.Value : v > best.Value);

    private BestRecord? LoadBest(long? resumeStep)
    {
        if (resumeStep is null || bestColumn is null || !File.Exists(BestRecordPath)) return null;
        BestRecord? r;
        try { r = JsonSerializer.Deserialize<BestRecord>(File.ReadAllText(BestRecordPath), BestRecord.Json); }
        catch (JsonException e) { throw new InvalidDataException($"{BestRecordPath}: unreadable ({e.Message})", e); }
        if (r is null || r.Column != bestColumn) return null;
        return r.Step <= resumeStep ? r : null;
    }

    private static ulong EvalSeed(long seed) => SplitMix64.Mix(unchecked((ulong)seed) ^ 0xE7A1_5EED_0000_0001UL);

    public void Dispose() => extractor.Dispose();
}

/// <summary>The best value of the best metric's column and the step it was reached at (checkpoints/best.json).</summary>
public sealed record BestRecord(string Column, double Value, long Step)
{
    internal static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };
}
