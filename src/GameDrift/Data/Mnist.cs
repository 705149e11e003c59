namespace GameDrift.Data;

/// <summary>MNIST handwritten digits (IDX files, plain or gzipped): 1x28x28, labels 0..9.</summary>
public static class Mnist
{
    /// <summary>Loads the train (60000) or test (10000) split from <paramref name="directory"/>.</summary>
    public static ImageDataset Load(string directory, bool train = true) =>
        IdxDataset.Load("MNIST", directory, train, ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);
}
