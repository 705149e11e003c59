using GameDrift.Data;

namespace GameDrift.Training;

/// <summary>Loads the data set a config names (<c>data</c>, <c>data_dir</c>).</summary>
public static class DatasetLoader
{
    public static ImageDataset Load(RunConfig config) => config.Data switch
    {
        "fashion-mnist" => FashionMnist.Load(string.IsNullOrEmpty(config.DataDir) ? null : config.DataDir),
        "mnist" => Mnist.Load(Required(config)),
        "cifar10" => Cifar10.Load(Required(config)),
        "folder" => throw new NotSupportedException("config key 'data': 'folder' needs a game that loads its own data"),
        _ => throw new ArgumentException($"config key 'data': unknown data set '{config.Data}'"),
    };

    private static string Required(RunConfig config) => string.IsNullOrEmpty(config.DataDir)
        ? throw new ArgumentException($"config key 'data_dir' must name the {config.Data} directory")
        : config.DataDir;
}
