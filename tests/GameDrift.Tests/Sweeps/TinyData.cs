using System.Buffers.Binary;
using GameDrift.Data;

namespace GameDrift.Tests.Sweeps;

/// <summary>A Fashion-MNIST-shaped data set of a few synthetic images (IDX files in a directory), so that a worker
/// process starts in well under a second, and the base config of the tiny runs the sweep tests use.</summary>
internal static class TinyData
{
    public static string Write(string directory, int count = 32)
    {
        Directory.CreateDirectory(directory);
        var images = new byte[16 + count * 28 * 28];
        BinaryPrimitives.WriteInt32BigEndian(images, IdxFile.ImagesMagic);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(8), 28);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(12), 28);
        for (var i = 16; i < images.Length; i++) images[i] = (byte)((i * 7) % 251);
        var labels = new byte[8 + count];
        BinaryPrimitives.WriteInt32BigEndian(labels, IdxFile.LabelsMagic);
        BinaryPrimitives.WriteInt32BigEndian(labels.AsSpan(4), count);
        for (var i = 0; i < count; i++) labels[8 + i] = (byte)(i % 10);
        File.WriteAllBytes(Path.Combine(directory, "train-images-idx3-ubyte"), images);
        File.WriteAllBytes(Path.Combine(directory, "train-labels-idx1-ubyte"), labels);
        return directory;
    }

    /// <summary>A run config (YAML) for the Fashion-MNIST DCGAN on the tiny data: batch 4, one thread,
    /// a checkpoint and a metrics row every step.</summary>
    public static string BaseConfig(string dataDir, int steps) => $"""
        game: fmnist-dcgan
        data: fashion-mnist
        data_dir: {dataDir}
        scheme: simultaneous
        lr_d: 0.01
        lr_g: 0.005
        batch_size: 4
        latent_dim: 8
        steps: {steps}
        log_every: 1
        sample_every: 0
        checkpoint_every: 1
        grid_size: 4
        threads: 1

        """;
}
