using GameDrift.Torch;

namespace GameDrift.Games;

/// <summary>A two-player differentiable game: phi minimises L1 and theta minimises L2, both built on one
/// autograd graph from the players' current parameters (spec §1.1). Drift regularisers need this form.</summary>
public abstract class DifferentiableGame : ITwoPlayerGame
{
    protected DifferentiableGame(Player phi, Player theta)
    {
        Phi = phi ?? throw new ArgumentNullException(nameof(phi));
        Theta = theta ?? throw new ArgumentNullException(nameof(theta));
    }

    public Player Phi { get; }
    public Player Theta { get; }

    /// <summary>True when L1 + L2 does not depend on theta and L1 + L2's phi-dependence comes from data only,
    /// so the stop-gradient interaction terms equal gradient-norm terms (spec §4.2).</summary>
    public virtual bool IsZeroSum => false;

    /// <summary>(L1, L2) for one batch, scalars on one graph.</summary>
    public abstract (Tensor L1, Tensor L2) Losses(GameBatch batch);

    public (IReadOnlyList<Tensor> Phi, IReadOnlyList<Tensor> Theta) Gradients(GameBatch batch)
    {
        var (l1, l2) = Losses(batch);
        var gPhi = Autograd.Grad(l1, Phi.Parameters, retainGraph: true, allowUnused: true);
        var gTheta = Autograd.Grad(l2, Theta.Parameters, allowUnused: true);
        return (GradientMath.ZerosForUnused(gPhi, Phi.Parameters), GradientMath.ZerosForUnused(gTheta, Theta.Parameters));
    }
}
