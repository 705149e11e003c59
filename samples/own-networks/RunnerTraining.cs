using GameDrift.Data;
using GameDrift.Training;

namespace OwnNetworks;

/// <summary>The short way: register the networks under a game name and let the <see cref="Trainer"/> run them.
/// The run gets everything a built-in game gets: config.yaml, metrics.csv with the drift diagnostics, sample
/// grids, atomic checkpoints, bit-exact --resume and the divergence guard.</summary>
public static class RunnerTraining
{
    public const string GameName = "own-mlp-gan";

    /// <summary>Makes <c>game: own-mlp-gan</c> known to configs (and to <see cref="Trainer"/>).</summary>
    public static void Register() => GameFactory.Register(GameName, new GameDefinition(
        CreateGenerator: (config, rng) => new MlpGenerator(config.LatentDim, hidden: 256, rng),
        CreateDiscriminator: (config, rng) => new ConvDiscriminator(width: 32, rng)));

    /// <summary>Simultaneous SGD with the paper's interaction-cancelling regulariser on Fashion-MNIST. Every
    /// property is an ordinary config key, so a YAML file or <c>--set</c>-style overrides work as well:
    /// <c>ConfigLoader.Load("my.yaml", ["steps=500"])</c>.</summary>
    public static RunConfig DefaultConfig() => new()
    {
        Game = GameName,
        Data = "fashion-mnist",
        Scheme = "simultaneous",
        Optimizer = "sgd",
        LrD = 0.05,
        LrG = 0.05,
        Regularisers = "cancel-interaction",
        BatchSize = 64,
        LatentDim = 64,
        Steps = 300,
        LogEvery = 10,
        SampleEvery = 100,
        CheckpointEvery = 100,
        DiagnosticsEvery = 50,
        Seed = 1,
    };

    /// <param name="data">images to train on instead of the config's data set (null: load <c>config.Data</c>).</param>
    public static TrainResult Train(RunConfig config, string runDirectory, ImageDataset? data = null, bool resume = false)
    {
        Register();
        return new Trainer(config, runDirectory, data) { EchoLog = true }.Run(resume);
    }
}
