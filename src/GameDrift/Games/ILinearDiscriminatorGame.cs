using GameDrift.Torch;

namespace GameDrift.Games;

/// <summary>A toy GAN whose discriminator is linear in its input, D(x) = phi · x (the Dirac-GAN, spec §7.1), with its data
/// at 0 and its generated sample at theta: an <see cref="IDiscriminatorGame"/>, so R1 and R2 act on it through the
/// training path's penalties (both give gamma phi, §7.5). Games without a discriminator (bilinear, rotational,
/// general-sum) do not implement it and reject R1/R2.</summary>
public interface ILinearDiscriminatorGame : IDifferentiableToyGame, IDiscriminatorGame
{
    /// <summary>D(x) = phi · x at samples x [configurations..., n, PhiDim] for phi [configurations..., PhiDim]: logits
    /// [configurations..., n, 1].</summary>
    static Tensor Linear(Tensor x, Tensor phi) => (x * phi.Unsqueeze(-2)).Sum(-1, keepDim: true);

    Tensor IDiscriminatorGame.Discriminator(IReadOnlyList<Tensor> phi, Tensor x) => Linear(x, Point(this, phi));

    /// <summary>The data, one sample at 0 per configuration: [configurations..., 1, PhiDim].</summary>
    Tensor IDiscriminatorGame.Real(IReadOnlyList<Tensor> phi, GameBatch batch) => torch.ZerosLike(Point(this, phi).Unsqueeze(-2));

    /// <summary>The generated sample theta per configuration, off the graph: [configurations..., 1, ThetaDim].</summary>
    Tensor IDiscriminatorGame.Fake(IReadOnlyList<Tensor> theta, GameBatch batch) => theta[0].Detach().Unsqueeze(-2);

    int IDiscriminatorGame.ConfigurationDims(IReadOnlyList<Tensor> phi) => Point(this, phi).Dim - 1;
}
