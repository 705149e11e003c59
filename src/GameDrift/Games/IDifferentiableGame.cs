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

    (IReadOnlyList<Tensor> Phi, IReadOnlyList<Tensor> Theta) ITwoPlayerGame.Gradients(IReadOnlyList<Tensor> phi,
        IReadOnlyList<Tensor> theta, GameBatch batch) => LossGradients(this, phi, theta, batch);

    /// <summary>(grad_phi L1, grad_theta L2) by autograd.</summary>
    static (IReadOnlyList<Tensor> Phi, IReadOnlyList<Tensor> Theta) LossGradients(IDifferentiableGame game, IReadOnlyList<Tensor> phi,
        IReadOnlyList<Tensor> theta, GameBatch batch)
    {
        var (l1, l2) = game.Losses(phi, theta, batch);
        var gPhi = Autograd.Grad(l1, phi, retainGraph: true, allowUnused: true);
        var gTheta = Autograd.Grad(l2, theta, allowUnused: true);
        return (GradientMath.ZerosForUnused(gPhi, phi), GradientMath.ZerosForUnused(gTheta, theta));
    }
}
