using GameDrift.Torch;

namespace GameDrift.Games;

/// <summary>The one game contract (spec §1.1, player 1 = phi = the discriminator, player 2 = theta = the generator): each
/// player's descent direction at given parameter tensors, in each player's parameter order. For a differentiable game
/// (<see cref="IDifferentiableGame"/>) these are the loss gradients <c>(grad_phi L1, grad_theta L2)</c>; for a game given
/// by vector fields they are <c>(-f, -g)</c>. A game holds no parameters of its own to train: training passes the
/// players' parameters (their optimisers' tensors, updated in place), analysis any point, on a graph when it differentiates
/// through it. The parameters may carry a leading dimension of configurations (the toys' [B, d] grids), each configuration
/// a game of its own. Update schemes need nothing more.</summary>
public interface ITwoPlayerGame
{
    /// <summary>Both players' descent directions at (phi, theta) for one batch.</summary>
    (IReadOnlyList<Tensor> Phi, IReadOnlyList<Tensor> Theta) Gradients(IReadOnlyList<Tensor> phi, IReadOnlyList<Tensor> theta, GameBatch batch);
}
