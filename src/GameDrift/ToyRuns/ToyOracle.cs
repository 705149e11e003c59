using GameDrift.Games;
using GameDrift.Regularisers;
using GameDrift.Schemes;
using GameDrift.Torch;

namespace GameDrift.ToyRuns;

/// <summary>The answers to <see cref="UpdateRule"/> for a toy game (or, for RK4 integration, a flow's field) on float64
/// tensors phi [B, PhiDim], theta [B, ThetaDim], a learning rate per row (e.g. [B, 1]), new tensors for every point.
/// Unregularised, the descent direction is (-f, -g). Regularised, it is what training computes: one
/// <see cref="GameEvaluation"/> of the game at the point for its gradients and §5.1 terms, each <see cref="ITermRegulariser.Parts"/> with the rates
/// of its row, and R1/R2's own gradients. With <c>createGraph</c> the step stays differentiable in (phi, theta).</summary>
internal sealed class ToyOracle(IVectorFieldGame game, SchemeInfo scheme, Tensor etaPhi, Tensor etaTheta,
    ToyRegularisation? regularisation, bool createGraph, Func<Tensor, Tensor, (Tensor F, Tensor G)>? field = null) : IStepOracle
{
    private readonly Func<Tensor, Tensor, (Tensor F, Tensor G)> field = field ?? game.Field;

    public (IReadOnlyList<Tensor>? Phi, IReadOnlyList<Tensor>? Theta) Gradients(IReadOnlyList<Tensor> phi, IReadOnlyList<Tensor> theta,
        bool forPhi, bool forTheta)
    {
        var (p, t) = (phi[0], theta[0]);
        if (regularisation is null)
        {
            var (f0, g0) = field(p, t);
            return (forPhi ? new[] { -f0 } : null, forTheta ? new[] { -g0 } : null);
        }
        // The terms are partial derivatives at the current point; the map stays differentiable end to end with createGraph,
        // and without it the terms are constants.
        var onGraph = createGraph && p.RequiresGrad && t.RequiresGrad;
        (p, t) = (Autodiff.At(p, onGraph), Autodiff.At(t, onGraph));
        var ev = new GameEvaluation(game, [p], [t], GameBatch.Empty, createGraph: true, termsOnGraph: createGraph);
        return (forPhi ? new[] { Regularised(PlayerRole.Phi, ev) } : null, forTheta ? new[] { Regularised(PlayerRole.Theta, ev) } : null);
    }

    // The player's gradient plus every part's coefficient times its term, plus the penalties' gradients (phi's only).
    private Tensor Regularised(PlayerRole player, GameEvaluation ev)
    {
        var reg = regularisation!;
        var grad = ev.OwnGradient(player)[0];
        foreach (var r in reg.Terms)
            foreach (var part in r.Parts(scheme, player))
                grad = grad + Scaled(part, player, ev.Term(part.Term, player, r.Estimator)[0]);
        foreach (var penalty in reg.Penalties)
            if (penalty.Gradient(ev, scheme, player) is { } g) grad = grad + g[0];
        return createGraph ? grad : grad.Detach();
    }

    // Weight * (Own eta_P + Other eta_O) * term, the rates per configuration.
    private Tensor Scaled(TermPart part, PlayerRole player, Tensor term)
    {
        if (part.Rate is not { } mix) return part.Weight * term;
        var (own, other) = player == PlayerRole.Phi ? (etaPhi, etaTheta) : (etaTheta, etaPhi);
        return part.Weight * mix.Of(own, other) * term;
    }

    public IReadOnlyList<Tensor> Update(PlayerRole player, IReadOnlyList<Tensor> parameters, IReadOnlyList<Tensor> gradient) =>
        new[] { parameters[0] - Eta(player) * gradient[0] };

    public IReadOnlyList<Tensor> Move(PlayerRole player, IReadOnlyList<Tensor> parameters, IReadOnlyList<Tensor> gradient, double c) =>
        new[] { parameters[0] - c * Eta(player) * gradient[0] };

    public IReadOnlyList<Tensor> Keep(IReadOnlyList<Tensor> parameters) => parameters;

    private Tensor Eta(PlayerRole player) => player == PlayerRole.Phi ? etaPhi : etaTheta;
}
