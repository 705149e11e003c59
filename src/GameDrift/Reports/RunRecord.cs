using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GameDrift.Training;

namespace GameDrift.Reports;

/// <summary>What a report reads from one run directory: the resolved config, metrics.csv, status.json and the sample
/// grids. Every file is optional, so a cell that never started, or a run still going, still reads.</summary>
public sealed partial class RunRecord
{
    private RunRecord(string directory)
    {
        Directory = directory;
    }

    public string Directory { get; }
    /// <summary>config.yaml's text, or null when there is none.</summary>
    public string? ConfigText { get; private init; }
    public IReadOnlyList<KeyValuePair<string, string>> Config { get; private init; } = [];
    public MetricsTable? Metrics { get; private init; }
    public RunStatus? Status { get; private init; }
    /// <summary>samples/step_NNNNNN.png files, by step.</summary>
    public IReadOnlyList<(long Step, string Path)> Samples { get; private init; } = [];

    /// <summary>The config value of <paramref name="key"/>, or null.</summary>
    public string? ConfigValue(string key) => Config.Where(kv => kv.Key == key).Select(kv => kv.Value).FirstOrDefault();

    /// <summary>lr_d / lr_g from the config, or null when either is missing or not a positive number.</summary>
    public double? LrRatio =>
        Positive(ConfigValue("lr_d")) is { } d && Positive(ConfigValue("lr_g")) is { } g ? d / g : null;

    /// <summary>The latest sample grid, or null.</summary>
    public string? LatestSample => Samples.Count > 0 ? Samples[^1].Path : null;

    public static RunRecord Load(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
            return new RunRecord(directory);
        var configPath = Path.Combine(directory, "config.yaml");
        var metricsPath = Path.Combine(directory, "metrics.csv");
        var configText = File.Exists(configPath) ? File.ReadAllText(configPath) : null;
        var samplesDir = Path.Combine(directory, "samples");
        return new RunRecord(directory)
        {
            ConfigText = configText,
            Config = configText is null ? [] : FlatYaml.Parse(configText, configPath),
            Metrics = File.Exists(metricsPath) ? MetricsTable.Load(metricsPath) : null,
            Status = LoadStatus(directory),
            Samples = System.IO.Directory.Exists(samplesDir)
                ? System.IO.Directory.GetFiles(samplesDir, "step_*.png")
                    .Select(p => (Match: SampleName().Match(Path.GetFileName(p)), Path: p))
                    .Where(x => x.Match.Success)
                    .Select(x => (long.Parse(x.Match.Groups[1].Value, CultureInfo.InvariantCulture), x.Path))
                    .OrderBy(x => x.Item1).ToList()
                : [],
        };
    }

    private static RunStatus? LoadStatus(string directory)
    {
        try { return RunStatus.Load(directory); }
        catch (JsonException e) { throw new InvalidDataException($"{Path.Combine(directory, "status.json")}: not a valid status file: {e.Message}"); }
    }

    private static double? Positive(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 && double.IsFinite(v) ? v : null;

    [GeneratedRegex(@"^step_(\d+)\.png$")]
    private static partial Regex SampleName();
}
