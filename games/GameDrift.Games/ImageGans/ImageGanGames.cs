using GameDrift.Data;
using GameDrift.Training;

namespace GameDrift.Games.ImageGans;

/// <summary>Registers the built-in image GANs with <see cref="GameFactory"/> under the names configs use.</summary>
public static class ImageGanGames
{
    public static void Register()
    {
        GameFactory.Register("fmnist-dcgan", new GameDefinition(
            (c, rng) => Dcgan.Generator28(c.LatentDim, rng: rng),
            (c, rng) => Dcgan.Discriminator28(rng: rng), ImageShape: new ImageShape(1, 28, 28)));
        // Half the width (a quarter of the convolution cost): the main job's Fashion-MNIST part on a CPU.
        GameFactory.Register("fmnist-dcgan-small", new GameDefinition(
            (c, rng) => Dcgan.Generator28(c.LatentDim, width: 32, rng: rng),
            (c, rng) => Dcgan.Discriminator28(width: 32, rng: rng), ImageShape: new ImageShape(1, 28, 28)));
        // Dense layers: many more steps per CPU-second than the convolutional nets (the main job's Fashion-MNIST part).
        GameFactory.Register("fmnist-mlp", new GameDefinition(
            (c, rng) => MlpGan.Generator28(c.LatentDim, rng: rng),
            (c, rng) => MlpGan.Discriminator28(rng: rng), ImageShape: new ImageShape(1, 28, 28)));
        GameFactory.Register("cifar10-sngan", new GameDefinition(
            (c, rng) => SnGanCifar.Generator(c.LatentDim, rng),
            (c, rng) => SnGanCifar.Discriminator(rng: rng), ImageShape: new ImageShape(3, 32, 32)));
        GameFactory.Register("cifar10-dcgan", new GameDefinition(
            (c, rng) => Dcgan.Generator32(c.LatentDim, rng: rng),
            (c, rng) => Dcgan.Discriminator32(rng: rng), ImageShape: new ImageShape(3, 32, 32)));
    }
}
