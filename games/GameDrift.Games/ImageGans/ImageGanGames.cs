using GameDrift.Training;

namespace GameDrift.Games.ImageGans;

/// <summary>Registers the built-in image GANs with <see cref="GameFactory"/> under the names configs use.</summary>
public static class ImageGanGames
{
    public static void Register()
    {
        GameFactory.Register("fmnist-dcgan", new GameDefinition(
            (c, rng) => Dcgan.Generator28(c.LatentDim, rng: rng),
            (c, rng) => Dcgan.Discriminator28(rng: rng)));
        // Half the width (a quarter of the convolution cost): the main job's Fashion-MNIST part on a CPU.
        GameFactory.Register("fmnist-dcgan-small", new GameDefinition(
            (c, rng) => Dcgan.Generator28(c.LatentDim, width: 32, rng: rng),
            (c, rng) => Dcgan.Discriminator28(width: 32, rng: rng)));
        GameFactory.Register("cifar10-sngan", new GameDefinition(
            (c, rng) => SnGanCifar.Generator(c.LatentDim, rng),
            (c, rng) => SnGanCifar.Discriminator(rng: rng)));
        GameFactory.Register("cifar10-dcgan", new GameDefinition(
            (c, rng) => Dcgan.Generator32(c.LatentDim, rng: rng),
            (c, rng) => Dcgan.Discriminator32(rng: rng)));
    }
}
