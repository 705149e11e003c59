using GameDrift.Games;
using GameDrift.Regularisers;
using GameDrift.Schemes;
using GameDrift.Torch;

namespace GameDrift.Analysis;

/// <summary>The answers to <see cref="UpdateRule"/> for a vector field (f, g) (a toy game's, or a flow's for RK4
/// integration) on float64 tensors phi [B, PhiDim], theta [B, ThetaDim], a learning rate per row (e.g. [B, 1]), new
/// tensors for every point. The descent direction is -f (-g) plus the same <see cref="ITermRegulariser.Parts"/> as in
/// training, evaluated on the fields (<see cref="DriftTerms.Term"/>), and R1/R2 in closed form. With <c>createGraph</c> the
/// step stays differentiable in (phi, theta), regularised or not.</summary>
internal sealed class ToyOracle(Func<Tensor, Tensor, (Tensor F, Tensor G)> field, SchemeInfo scheme, Tensor etaPhi, Tensor etaTheta,
    ToyRegularisation? regularisation, bool createGraph) : IStepOracle
{
    public (IReadOnlyList<Tensor>? Phi, IReadOnlyList<Tensor>? Theta) Gradients(IReadOnlyList<Tensor> phi, IReadOnlyList<Tensor> theta,
        bool forPhi, bool forTheta)
    {
        var (p, t) = (phi[0], theta[0]);
        if (regularisation is null)
        {
            var (f0, g0) = field(p, t);
            return (forPhi ? new[] { -f0 } : null, forTheta ? new[] { -g0 } : null);
        }
        // The terms are partial derivatives at the current point. In an alternating step the point's phi is already a
        // function of theta (phi_1 = phi_0 + eta f(phi_0, theta_0)), so differentiate w.r.t. fresh view nodes: only paths
        // through them count, while the map stays differentiable end to end. Without createGraph: leaves, constant terms.
        (p, t) = createGraph && p.RequiresGrad && t.RequiresGrad ? (p.View(p.Shape), t.View(t.Shape)) : (Autodiff.Leaf(p), Autodiff.Leaf(t));
        var (f, g) = field(p, t);
        return (forPhi ? new[] { Regularised(PlayerRole.Phi, f, g, p, t) } : null,
                forTheta ? new[] { Regularised(PlayerRole.Theta, f, g, p, t) } : null);
    }

    // -f (or -g) plus every part's coefficient times its term; R1/R2 add gamma phi (spec §7.5, linear discriminator).
    private Tensor Regularised(PlayerRole player, Tensor f, Tensor g, Tensor phi, Tensor theta)
    {
        var reg = regularisation!;
        var grad = player == PlayerRole.Phi ? -f : -g;
        foreach (var r in reg.Terms)
            foreach (var part in r.Parts(scheme, player))
                grad = grad + Scaled(part, player, DriftTerms.Term(part.Term, player, f, g, phi, theta, createGraph));
        if (player == PlayerRole.Phi && reg.PenaltyGamma != 0) grad = grad + reg.PenaltyGamma * phi;
        return createGraph ? grad : grad.Detach();
    }

    // Weight * (Own eta_P + Other eta_O) * term, the rates per configuration.
    private Tensor Scaled(TermPart part, PlayerRole player, Tensor term)
    {
        if (part.Rate is not { } mix) return part.Weight * term;
        var (own, other) = player == PlayerRole.Phi ? (etaPhi, etaTheta) : (etaTheta, etaPhi);
        return part.Weight * (mix.Own * own + mix.Other * other) * term;
    }

    public IReadOnlyList<Tensor> Update(PlayerRole player, IReadOnlyList<Tensor> parameters, IReadOnlyList<Tensor> gradient) =>
        new[] { parameters[0] - Eta(player) * gradient[0] };

    public IReadOnlyList<Tensor> Move(PlayerRole player, IReadOnlyList<Tensor> parameters, IReadOnlyList<Tensor> gradient, double c) =>
        new[] { parameters[0] - c * Eta(player) * gradient[0] };

    public IReadOnlyList<Tensor> Keep(IReadOnlyList<Tensor> parameters) => parameters;

    private Tensor Eta(PlayerRole player) => player == PlayerRole.Phi ? etaPhi : etaTheta;
}
