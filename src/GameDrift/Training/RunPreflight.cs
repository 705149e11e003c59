using GameDrift.Data;
using GameDrift.Metrics.Extractors;

namespace GameDrift.Training;

/// <summary>Checks, without loading anything, that a run's config can start: valid values, the data set's files,
/// the Inception file when the run scores with it. Used before a run is handed to a cluster (<c>--emit slurm</c>),
/// where a bad config would only show as every task failing at once.</summary>
public static class RunPreflight
{
    /// <summary>Throws an exception with one line naming the first problem.</summary>
    public static void Check(RunConfig config)
    {
        config.Validate();
        var game = GameFactory.Get(config.Game);
        if (game.LoadData is null) CheckData(config);
        if (config.Extractor == "inception" && config.EvalEvery > 0 && !string.IsNullOrWhiteSpace(config.Metrics))
            InceptionLocator.Resolve(config.Inception);
    }

    private static void CheckData(RunConfig config)
    {
        if (config.Data == "fashion-mnist" && string.IsNullOrEmpty(config.DataDir)) return; // the Debian package's directory, checked at load
        if (string.IsNullOrWhiteSpace(config.DataDir))
            throw new ArgumentException($"config key 'data_dir' is empty; it must name the {config.Data} directory");
        if (!Directory.Exists(config.DataDir))
            throw new DirectoryNotFoundException($"config key 'data_dir': no such directory: {config.DataDir}");
        if (config.Data == "cifar10") Cifar10.ResolveDirectory(config.DataDir, Cifar10.TrainFiles);
    }
}
