using GameDrift.Torch;
using GameDrift.Torch.nn;

namespace GameDrift.Games.ImageGans;

/// <summary>The SN-GAN "standard CNN" of the paper's CIFAR-10 experiments (spec §6.3, official nets.py):
/// generator 3,812,355 and discriminator 2,935,873 parameters (spec T16).</summary>
public static class SnGanCifar
{
    /// <summary>z (N, latent) → images (N, 3, 32, 32) in [-1, 1]. No BN/ReLU after the first linear layer,
    /// as in the official implementation; "SAME" 4x4 stride-2 transposed convolutions are padding 1 here.</summary>
    public static Module Generator(long latentDim = 128, Generator? rng = null) => new Sequential(
        new Linear(latentDim, 4 * 4 * 512, generator: rng),
        new Unflatten(1, new long[] { 512, 4, 4 }),
        new ConvTranspose2d(512, 256, 4, stride: 2, padding: 1, generator: rng), new BatchNorm2d(256, momentum: 0.001), new ReLU(),
        new ConvTranspose2d(256, 128, 4, stride: 2, padding: 1, generator: rng), new BatchNorm2d(128, momentum: 0.001), new ReLU(),
        new ConvTranspose2d(128, 64, 4, stride: 2, padding: 1, generator: rng), new BatchNorm2d(64, momentum: 0.001), new ReLU(),
        new ConvTranspose2d(64, 3, 3, stride: 1, padding: 1, generator: rng), new Tanh());

    /// <summary>(N, 3, 32, 32) → logits (N, 1). LeakyReLU 0.1 after every convolution; spectral norm on every
    /// weight (biases excluded, one power iteration) unless <paramref name="spectralNorm"/> is false (the Adam config).</summary>
    public static Module Discriminator(bool spectralNorm = true, Generator? rng = null)
    {
        var layers = new List<Module>();
        (long In, long Out, long K, long S)[] convs =
            { (3, 64, 3, 1), (64, 64, 4, 2), (64, 128, 3, 1), (128, 128, 4, 2), (128, 256, 3, 1), (256, 256, 4, 2), (256, 512, 3, 1) };
        foreach (var (i, o, k, s) in convs)
        {
            var conv = new Conv2d(i, o, k, stride: s, padding: 1, generator: rng);
            layers.Add(spectralNorm ? SpectralNorm.Apply(conv, generator: rng) : conv);
            layers.Add(new LeakyReLU(0.1));
        }
        layers.Add(new Flatten());
        var head = new Linear(4 * 4 * 512, 1, generator: rng);
        layers.Add(spectralNorm ? SpectralNorm.Apply(head, generator: rng) : head);
        return new Sequential(layers.ToArray());
    }
}
