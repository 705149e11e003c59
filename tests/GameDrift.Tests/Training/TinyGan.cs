using GameDrift.Data;
using GameDrift.Torch.nn;
using GameDrift.Training;

namespace GameDrift.Tests.Training;

/// <summary>A tiny user-registered GAN on 16 synthetic 1x8x8 images: small enough for many runs per test.
/// The generator has batch norm (running statistics in checkpoints); the discriminator has dropout (the global RNG).</summary>
internal static class TinyGan
{
    public const string Name = "test-tiny-gan";

    static TinyGan() => GameFactory.Register(Name, new GameDefinition(
        (c, rng) => new Sequential(new Linear(c.LatentDim, 64, generator: rng), new BatchNorm1d(64), new Tanh(), new Unflatten(1, 1, 8, 8)),
        (c, rng) => new Sequential(new Flatten(), new Linear(64, 16, generator: rng), new LeakyReLU(0.2), new Dropout(0.25),
            new Linear(16, 1, generator: rng)),
        _ => Data()));

    /// <summary>Blobs at image-dependent positions, deterministic.</summary>
    public static ImageDataset Data()
    {
        var pixels = new byte[16 * 64];
        for (var i = 0; i < 16; i++)
            for (var p = 0; p < 64; p++)
                pixels[i * 64 + p] = (byte)((p * 7 + i * 13) % 256);
        return new ImageDataset(pixels, new int[16], 1, 8, 8);
    }

    public static RunConfig Config(params string[] overrides)
    {
        var c = new RunConfig
        {
            Game = Name, BatchSize = 4, LatentDim = 4, Steps = 6, Seed = 7, LogEvery = 1, SampleEvery = 3,
            CheckpointEvery = 3, GridSize = 6, LrD = 0.05, LrG = 0.05,
        };
        ConfigLoader.ApplyOverrides(c, overrides);
        return c;
    }
}
