using GameDrift.Data;

namespace GameDrift.Training;

/// <summary>Loads the data set a config names (<c>data</c>, <c>data_dir</c>): fashion-mnist (default directory
/// /usr/share/datasets/fashion-mnist), mnist, cifar10 (binary batches) or folder (PNG, JPEG, WebP, BMP, GIF images).</summary>
public static class DatasetLoader
{
    /// <param name="shape">the game's image shape: folder images are resized, cropped and converted to it.</param>
    public static ImageDataset Load(RunConfig config, ImageShape? shape = null) => config.Data switch
    {
        "fashion-mnist" => FashionMnist.Load(string.IsNullOrEmpty(config.DataDir) ? null : config.DataDir),
        "mnist" => Mnist.Load(Required(config)),
        "cifar10" => Cifar10.Load(Required(config)),
        // Image files of any size, one subfolder per class or all directly in data_dir (ImageFolder).
        "folder" => ImageFolder.Load(Required(config), new FolderImageDecoder(shape, config.Interpolation), FolderImageDecoder.Extensions),
        _ => throw new ArgumentException($"config key 'data': unknown data set '{config.Data}'"),
    };

    private static string Required(RunConfig config) => string.IsNullOrEmpty(config.DataDir)
        ? throw new ArgumentException($"config key 'data_dir' must name the {config.Data} directory")
        : config.DataDir;
}
