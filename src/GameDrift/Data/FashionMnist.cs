namespace GameDrift.Data;

/// <summary>Fashion-MNIST (IDX files, plain or gzipped): 1x28x28, labels 0..9.</summary>
public static class FashionMnist
{
    /// <summary>Install location of Debian's dataset-fashion-mnist package.</summary>
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>Label names, indexed by label.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>Loads the train (60000) or test (10000) split from <paramref name="directory"/> (default <see cref="DefaultDirectory"/>).</summary>
    public static ImageDataset Load(string? directory = null, bool train = true) =>
        IdxDataset.Load("Fashion-MNIST", directory ?? DefaultDirectory, train, ClassNames);
}
