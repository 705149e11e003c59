using GameDrift.Torch;

namespace GameDrift.Games;

/// <summary>A differentiable two-player game: phi minimises L1 and theta minimises L2, both built on one autograd graph
/// from the given parameters (spec §1.1). Drift regularisers, CO and SGA need this form.</summary>
public interface IDifferentiableGame : ITwoPlayerGame
{
    /// <summary>True when L1 + L2 does not depend on theta and L1 + L2's phi-dependence comes from data only,
    /// so the stop-gradient interaction terms equal gradient-norm terms (spec §4.2).</summary>
    bool IsZeroSum => false;

    /// <summary>(L1, L2) at (phi, theta) for one batch, scalars on one graph (with configurations: the sums of their losses,
    /// so every gradient is each configuration's own).</summary>
    (Tensor L1, Tensor L2) Losses(IReadOnlyList<Tensor> phi, IReadOnlyList<Tensor> theta, GameBatch batch);

    /// <summary>(grad_phi L1, grad_theta L2): the own gradients of one <see cref="GameEvaluation"/>, each loss differentiated
    /// for its own player only.</summary>
    (IReadOnlyList<Tensor> Phi, IReadOnlyList<Tensor> Theta) ITwoPlayerGame.Gradients(IReadOnlyList<Tensor> phi,
        IReadOnlyList<Tensor> theta, GameBatch batch)
    {
        var ev = new GameEvaluation(this, phi, theta, batch, createGraph: false, bothBlocks: false);
        return (ev.OwnGradient(PlayerRole.Phi), ev.OwnGradient(PlayerRole.Theta));
    }
}
