using GameDrift.Torch;

namespace GameDrift.Games;

/// <summary>A two-player game on flat parameter vectors, given by its vector fields
/// <c>phi' = f(phi, theta)</c>, <c>theta' = g(phi, theta)</c> (the spec's §1.1 conventions: player 1 is phi,
/// the discriminator; player 2 is theta, the generator). The fields need not be gradients.</summary>
/// <remarks>
/// Used by the toy games and the analysis. <see cref="Field"/> must:
/// <list type="bullet">
/// <item>accept leading batch dimensions: phi is [..., PhiDim] and theta is [..., ThetaDim] with the same
/// leading shape, so a whole grid of configurations advances in one tensor computation;</item>
/// <item>be differentiable in phi and theta (built from tensor ops), so Jacobians and drift terms come
/// from exact autograd, including double backpropagation.</item>
/// </list>
/// </remarks>
public interface IVectorFieldGame
{
    /// <summary>Short name used on the command line and in outputs, e.g. "dirac".</summary>
    string Name { get; }
    int PhiDim { get; }
    int ThetaDim { get; }
    /// <summary>f and g at (phi, theta), same shapes as phi and theta.</summary>
    (Tensor F, Tensor G) Field(Tensor phi, Tensor theta);
    /// <summary>The equilibrium (phi*, theta*) when it is known, concatenated; null otherwise.</summary>
    double[]? Equilibrium { get; }

    /// <summary>The game's own starting point (phi0, theta0), concatenated: the commands' default <c>--start</c>.
    /// All ones unless the game has its own.</summary>
    double[] DefaultStart => Enumerable.Repeat(1.0, PhiDim + ThetaDim).ToArray();
}

/// <summary>A differentiable two-player game on flat parameter vectors, given by its losses: player 1 (phi) minimises L1,
/// player 2 (theta) minimises L2, and its fields are <c>f = -grad_phi L1</c>, <c>g = -grad_theta L2</c> by autograd, so a
/// game of one's own needs only <see cref="Losses"/>. A game may override <see cref="IVectorFieldGame.Field"/> with the
/// same field written out, a fast path tested equal (the built-in toys do: the analysis' modified flows differentiate the
/// field twice more, and `toy` runs 1.5-1.8x faster so).</summary>
public interface IDifferentiableToyGame : IVectorFieldGame
{
    /// <summary>Both losses on one autograd graph; with batched inputs, one loss per batch entry (shape = leading dims).</summary>
    (Tensor L1, Tensor L2) Losses(Tensor phi, Tensor theta);

    (Tensor F, Tensor G) IVectorFieldGame.Field(Tensor phi, Tensor theta) => LossFields.Of(this, phi, theta);
}
