using GameDrift.Torch;
using GameDrift.Torch.nn;

namespace GameDrift.Games.ImageGans;

/// <summary>Fully connected GAN for 28x28 grey images (Goodfellow et al. 2014 style, with the DCGAN-era habits:
/// BatchNorm and ReLU in the generator, LeakyReLU 0.2 and no BatchNorm in the discriminator, so per-sample logits stay
/// independent for the double-backprop regularisers). A dense step costs a fraction of a convolutional one on a CPU,
/// which buys the steps a GAN needs before its samples look like garments.</summary>
public static class MlpGan
{
    /// <summary>z (N, latent) → (N, 1, 28, 28): latent → hidden → 2·hidden → 784.</summary>
    public static Module Generator28(long latentDim, long hidden = 256, Generator? rng = null) => new Sequential(
        new Linear(latentDim, hidden, generator: rng), new BatchNorm1d(hidden), new ReLU(),
        new Linear(hidden, 2 * hidden, generator: rng), new BatchNorm1d(2 * hidden), new ReLU(),
        new Linear(2 * hidden, 28 * 28, generator: rng), new Tanh(), new Unflatten(1, new long[] { 1, 28, 28 }));

    /// <summary>(N, 1, 28, 28) → logits (N, 1): 784 → 2·hidden → hidden → 1.</summary>
    public static Module Discriminator28(long hidden = 256, Generator? rng = null) => new Sequential(
        new Flatten(), new Linear(28 * 28, 2 * hidden, generator: rng), new LeakyReLU(0.2),
        new Linear(2 * hidden, hidden, generator: rng), new LeakyReLU(0.2), new Linear(hidden, 1, generator: rng));
}
