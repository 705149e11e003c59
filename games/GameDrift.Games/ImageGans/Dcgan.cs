using GameDrift.Torch;
using GameDrift.Torch.nn;

namespace GameDrift.Games.ImageGans;

/// <summary>DCGAN (Radford et al. 2016) for 32x32 colour and 28x28 grey images: transposed convolutions with
/// BatchNorm/ReLU in the generator, strided convolutions with LeakyReLU 0.2 in the discriminator. The
/// discriminator has no BatchNorm so its per-sample logits stay independent (gradient penalties and the drift
/// regularisers differentiate through it twice).</summary>
public static class Dcgan
{
    /// <summary>z (N, latent) → (N, 3, 32, 32): 128→256→128→64→3 transposed convolutions.</summary>
    public static Module Generator32(long latentDim = 128, long channels = 3, Generator? rng = null) => new Sequential(
        new Unflatten(1, new long[] { latentDim, 1, 1 }),
        new ConvTranspose2d(latentDim, 256, 4, stride: 1, padding: 0, generator: rng), new BatchNorm2d(256), new ReLU(),
        new ConvTranspose2d(256, 128, 4, stride: 2, padding: 1, generator: rng), new BatchNorm2d(128), new ReLU(),
        new ConvTranspose2d(128, 64, 4, stride: 2, padding: 1, generator: rng), new BatchNorm2d(64), new ReLU(),
        new ConvTranspose2d(64, channels, 4, stride: 2, padding: 1, generator: rng), new Tanh());

    /// <summary>(N, 3, 32, 32) → logits (N, 1): 3→64→128→256→1 convolutions.</summary>
    public static Module Discriminator32(long channels = 3, bool spectralNorm = false, Generator? rng = null) => new Sequential(
        Sn(new Conv2d(channels, 64, 4, stride: 2, padding: 1, generator: rng), spectralNorm, rng), new LeakyReLU(0.2),
        Sn(new Conv2d(64, 128, 4, stride: 2, padding: 1, generator: rng), spectralNorm, rng), new LeakyReLU(0.2),
        Sn(new Conv2d(128, 256, 4, stride: 2, padding: 1, generator: rng), spectralNorm, rng), new LeakyReLU(0.2),
        Sn(new Conv2d(256, 1, 4, stride: 1, padding: 0, generator: rng), spectralNorm, rng), new Flatten());

    /// <summary>z (N, latent) → (N, 1, 28, 28): linear to 7x7x128, then two transposed convolutions.</summary>
    public static Module Generator28(long latentDim = 128, long width = 64, Generator? rng = null) => new Sequential(
        new Linear(latentDim, 2 * width * 7 * 7, generator: rng), new BatchNorm1d(2 * width * 7 * 7), new ReLU(),
        new Unflatten(1, new long[] { 2 * width, 7, 7 }),
        new ConvTranspose2d(2 * width, width, 4, stride: 2, padding: 1, generator: rng), new BatchNorm2d(width), new ReLU(),
        new ConvTranspose2d(width, 1, 4, stride: 2, padding: 1, generator: rng), new Tanh());

    /// <summary>(N, 1, 28, 28) → logits (N, 1).</summary>
    public static Module Discriminator28(long width = 64, bool spectralNorm = false, Generator? rng = null) => new Sequential(
        Sn(new Conv2d(1, width, 4, stride: 2, padding: 1, generator: rng), spectralNorm, rng), new LeakyReLU(0.2),
        Sn(new Conv2d(width, 2 * width, 4, stride: 2, padding: 1, generator: rng), spectralNorm, rng), new LeakyReLU(0.2),
        new Flatten(),
        Sn(new Linear(2 * width * 7 * 7, 1, generator: rng), spectralNorm, rng));

    private static Module Sn<T>(T m, bool on, Generator? rng) where T : WeightedModule => on ? SpectralNorm.Apply(m, generator: rng) : m;
}
