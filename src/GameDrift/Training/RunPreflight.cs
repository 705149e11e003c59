using GameDrift.Games;
using GameDrift.Regularisers;
using GameDrift.Data;
using GameDrift.Metrics.Extractors;

namespace GameDrift.Training;

/// <summary>Checks, without loading data, that a run's config can start: valid values, the data set's files, the
/// TorchScript networks (loaded, shapes checked), the Inception file when the run scores with it. Used before a run is
/// handed to a cluster (<c>--emit slurm</c>), where a bad config would only show as every task failing at once.</summary>
public static class RunPreflight
{
    /// <summary>Throws an exception with one line naming the first problem.</summary>
    public static void Check(RunConfig config)
    {
        config.Validate();
        var game = Networks.RunGames.Resolve(config); // builds and loads the config's own networks, if any
        CheckBatches(config, game, RegulariserRegistry.Parse(config.Regularisers));
        if (game.LoadData is null && game.Draw is null) CheckData(config); // a game that draws its data reads no files
        // TorchScript players are loaded and their shapes checked where the images' shape is known without loading data.
        Networks.ScriptedNetworks.Preflight(config, game, game.ImageShape ?? (game.LoadData is null ? KnownShape(config.Data) : null));
        if (config.Extractor == "inception" && config.EvalEvery > 0 && !string.IsNullOrWhiteSpace(config.Metrics))
            InceptionLocator.Resolve(config.Inception);
    }

    /// <summary>A split-batch estimator evaluates its two factors on two halves of each batch, which one sample cannot
    /// give (a game that reads no batch is exact with any).</summary>
    public static void CheckBatches(RunConfig config, GameDefinition game, IEnumerable<IRegulariser> regularisers)
    {
        if (config.BatchSize >= 2 || game.IgnoresBatches) return;
        if (regularisers.OfType<ITermRegulariser>().FirstOrDefault(r => r.Estimator == TermEstimator.SplitBatch) is { } split)
            throw new ArgumentException($"config key 'batch_size' is {config.BatchSize}: '{split.Name}' estimates its terms on two halves of " +
                "each batch (split-batch, the default for drift regularisers); use batch_size >= 2 or the ':same-batch' option");
    }

    // The images of a named data set; a folder's are made the game's shape.
    private static ImageShape? KnownShape(string data) => data switch
    {
        "fashion-mnist" or "mnist" => new ImageShape(1, 28, 28),
        "cifar10" => new ImageShape(3, 32, 32),
        _ => null,
    };

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
