using GameDrift.Games;
using GameDrift.Torch;

namespace GameDrift.Regularisers;

/// <summary>Consensus optimisation (Mescheder et al. 2017; spec §5.4): each player adds
/// <c>gamma * 1/2 grad_P (||grad_phi L1||^2 + ||grad_theta L2||^2)</c> = <c>gamma * (SelfNorm + OtherNorm)</c>.</summary>
public sealed class ConsensusOptimisation(double gamma, TermEstimator estimator = TermEstimator.SameBatch) : ITermRegulariser
{
    public double Gamma { get; } = RegulariserChecks.NonNegative(gamma, "consensus gamma");
    public TermEstimator Estimator { get; } = estimator;
    public string Name => $"co={Gamma}";

    public void Check(ITwoPlayerGame game, SchemeKind scheme) => RegulariserChecks.Differentiable(game, Name);

    public IReadOnlyList<Tensor>? Gradient(GameEvaluation ev, SchemeInfo scheme, PlayerRole player) =>
        this.TermGradient(ev, scheme, player, 1);

    public IReadOnlyList<TermPart> Parts(SchemeInfo scheme, PlayerRole player) =>
        new TermPart[] { new(GradientTerm.SelfNorm, Gamma), new(GradientTerm.OtherNorm, Gamma) };
}
