using GameDrift.Games;
using GameDrift.Torch;

namespace GameDrift.Schemes;

/// <summary>What an <see cref="UpdateRule"/> asks of the game and the players' update chains. Training answers in
/// place (the networks' parameters, a fresh batch per evaluation, the players' optimisers); analysis with new float64
/// tensors, possibly batched [B, d] with a learning rate per row, differentiable when it needs Jacobians.</summary>
public interface IStepOracle
{
    /// <summary>The descent directions at (phi, theta), loss gradients through the players' chains (regularisers' terms), of
    /// the players asked for (null for the others), in parameter order, from one evaluation (one batch).</summary>
    (IReadOnlyList<Tensor>? Phi, IReadOnlyList<Tensor>? Theta) Gradients(IReadOnlyList<Tensor> phi, IReadOnlyList<Tensor> theta,
        bool forPhi, bool forTheta);

    /// <summary>The player's optimiser step (plain SGD: <c>p - eta_P g</c>, the Euler step of spec §3.1); may work in place.</summary>
    IReadOnlyList<Tensor> Update(PlayerRole player, IReadOnlyList<Tensor> parameters, IReadOnlyList<Tensor> gradient);

    /// <summary>An intermediate point <c>p - c eta_P g</c> (RK4 stages), never through the optimiser, never in place.</summary>
    IReadOnlyList<Tensor> Move(PlayerRole player, IReadOnlyList<Tensor> parameters, IReadOnlyList<Tensor> gradient, double c);

    /// <summary>A copy that later in-place updates leave alone (the identity when nothing is updated in place).</summary>
    IReadOnlyList<Tensor> Keep(IReadOnlyList<Tensor> parameters);
}
