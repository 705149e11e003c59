using GameDrift.Games;
using GameDrift.Schemes;
using GameDrift.Torch;

namespace GameDrift.Regularisers;

/// <summary>Consensus optimisation (Mescheder et al. 2017; spec §5.4): each player adds
/// <c>gamma * 1/2 grad_P (||grad_phi L1||^2 + ||grad_theta L2||^2)</c> = <c>gamma * (SelfNorm + OtherNorm)</c>.</summary>
public sealed class ConsensusOptimisation(double gamma, TermEstimator estimator = TermEstimator.SameBatch) : IRegulariser
{
    public double Gamma { get; } = RegulariserChecks.NonNegative(gamma, "consensus gamma");
    public TermEstimator Estimator { get; } = estimator;
    public string Name => $"co={Gamma}";

    public void Check(ITwoPlayerGame game, SchemeKind scheme) => RegulariserChecks.Differentiable(game, Name);

    public IReadOnlyList<Tensor>? Gradient(GameEvaluation ev, SchemeInfo scheme, PlayerRole player) =>
        TermSum.Combine((Gamma, ev.Term(GradientTerm.SelfNorm, player, Estimator)),
                        (Gamma, ev.Term(GradientTerm.OtherNorm, player, Estimator)));
}
