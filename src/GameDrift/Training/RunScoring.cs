using System.Globalization;
using System.Text.Json;
using GameDrift.Metrics.Extractors;
using GameDrift.Io;

namespace GameDrift.Training;

/// <summary>Scores a run directory's saved generator (what <c>gamedrift eval</c> does): loads config.yaml and a checkpoint,
/// generates, computes the image metrics and writes eval.json into the run directory.</summary>
public static class RunScoring
{
    /// <summary>Settings that override the run's config for this scoring.</summary>
    /// <param name="Metrics">Comma-separated metrics; null: the config's <c>metrics</c>, or "fid,is" when it has none.</param>
    /// <param name="Extractor">classifier or inception; null: the config's.</param>
    /// <param name="Samples">Generated images; null: the config's <c>eval_samples</c>.</param>
    /// <param name="Checkpoint">latest or best.</param>
    /// <param name="Inception">Path of the Inception file (selects the inception extractor); null: the config's.</param>
    public sealed record Options(string? Metrics = null, string? Extractor = null, int? Samples = null, string Checkpoint = "latest",
        string? Inception = null);

    /// <summary>The outcome: values and spreads per column, written to <see cref="Path"/>.</summary>
    public sealed record Result(string Checkpoint, long Step, string Extractor, int Samples, IReadOnlyDictionary<string, double> Values,
        IReadOnlyDictionary<string, double> Std, string Path);

    public static Result Run(string runDirectory, Options options, Action<string>? log = null)
    {
        var configPath = Path.Combine(runDirectory, "config.yaml");
        if (!File.Exists(configPath)) throw new FileNotFoundException($"{runDirectory} is not a run directory: no config.yaml", configPath);
        if (options.Checkpoint is not ("latest" or "best"))
            throw new ArgumentException($"--checkpoint must be latest or best, got '{options.Checkpoint}'");
        var checkpointPath = Path.Combine(runDirectory, "checkpoints", options.Checkpoint + ".pt");
        if (!File.Exists(checkpointPath))
            throw new FileNotFoundException($"no checkpoint {checkpointPath}" +
                (options.Checkpoint == "best" ? " (a best checkpoint is kept only when the run had eval_every, metrics and best_metric)" : ""), checkpointPath);
        var config = ConfigLoader.Load(configPath);
        if (options.Extractor is not null) config.Extractor = options.Extractor;
        if (options.Inception is not null)
        {
            // A given Inception file selects the Inception extractor; it is never silently ignored.
            if (options.Extractor is not null && options.Extractor != "inception")
                throw new ArgumentException($"--inception is used only by the inception extractor, but --extractor is '{options.Extractor}'; drop one of them");
            if (!File.Exists(options.Inception)) throw new FileNotFoundException($"--inception: no such file: {options.Inception}", options.Inception);
            config.Extractor = "inception";
            config.Inception = options.Inception;
        }
        if (options.Samples is { } n) config.EvalSamples = n;
        config.BestMetric = "";
        var metrics = ImageMetrics.Parse(options.Metrics ?? (string.IsNullOrWhiteSpace(config.Metrics) ? "fid,is" : config.Metrics),
            options.Metrics is null ? "config key 'metrics'" : "--metrics");
        config.Validate();

        using var session = new TrainingSession(config);
        long step;
        using (var checkpoint = Checkpoint.Load(checkpointPath))
        {
            session.Restore(checkpoint);
            step = checkpoint.Step;
        }
        using var evaluator = RunEvaluator.Build(config, session.Dataset ?? throw new ArgumentException($"game '{config.Game}' has no images to score"), Networks.RunGames.Resolve(config).LoadData is null, runDirectory, metrics, log);
        var std = new Dictionary<string, double>();
        var values = evaluator.Evaluate(session.Ema ?? session.Generator, std);
        var path = Path.Combine(runDirectory, "eval.json");
        var doc = new Dictionary<string, object>
        {
            ["checkpoint"] = options.Checkpoint,
            ["step"] = step,
            ["extractor"] = evaluator.Extractor.Name,
            ["extractor_fingerprint"] = evaluator.ExtractorFingerprint,
            ["samples"] = config.EvalSamples,
            ["generator"] = session.Ema is null ? "generator" : "ema",
            ["metrics"] = values,
            ["std"] = std,
            ["time"] = DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture),
        };
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true }));
        return new Result(options.Checkpoint, step, evaluator.Extractor.Name, config.EvalSamples, values, std, path);
    }
}
