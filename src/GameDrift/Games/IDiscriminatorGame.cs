using GameDrift.Torch;

namespace GameDrift.Games;

/// <summary>A game whose first player is a discriminator of samples: what the gradient penalties (R1, R2, WGAN-GP,
/// spec §7.5) need. A GAN is one (<see cref="GanGame"/>); so is a batch of toy configurations with a linear
/// discriminator, whose samples carry the configurations on <see cref="ConfigurationDims"/> leading dimensions.</summary>
public interface IDiscriminatorGame : IDifferentiableGame
{
    /// <summary>D's logits at inputs shaped [configurations..., n, features...], D's parameters at <paramref name="phi"/>.</summary>
    Tensor Discriminator(IReadOnlyList<Tensor> phi, Tensor x);

    /// <summary>The batch's real samples (for configurations, shaped by phi's).</summary>
    Tensor Real(IReadOnlyList<Tensor> phi, GameBatch batch);

    /// <summary>The generator's samples at <paramref name="theta"/> for the batch's latents, off the graph (the penalties
    /// hold them fixed).</summary>
    Tensor Fake(IReadOnlyList<Tensor> theta, GameBatch batch);

    /// <summary>Leading dimensions of the samples that index configurations (0 for one game); penalties are means over
    /// each configuration's samples, summed over configurations.</summary>
    int ConfigurationDims(IReadOnlyList<Tensor> phi) => 0;
}
