using GameDrift.Games;
using GameDrift.Torch;

namespace GameDrift.Regularisers;

/// <summary>One term of a regulariser's gradient for a player: <c>Weight * d * Term</c>, where d is 1 or, for a drift
/// coefficient, the rate mix <c>Rate.Own eta_P + Rate.Other eta_O</c> (spec §5.1) of the step's learning rates.</summary>
public readonly record struct TermPart(GradientTerm Term, double Weight, RateMix? Rate = null)
{
    /// <summary>The coefficient <c>Weight * d</c> at the scheme's current learning rates.</summary>
    public double Coefficient(SchemeInfo scheme, PlayerRole player) =>
        Weight * (Rate?.Of(scheme.Lr(player), scheme.Lr(player.Other())) ?? 1);
}

/// <summary>A regulariser whose gradient is a linear combination of the §5.1 terms (drift, CO, SGA), written once in
/// <see cref="Parts"/>: training evaluates the terms on a batch (<see cref="GameEvaluation.Term"/>), the toy analysis on
/// its float64 fields with a learning rate per configuration.</summary>
public interface ITermRegulariser : IRegulariser
{
    TermEstimator Estimator { get; }

    /// <summary>The terms added to the player's gradient (rates enter through <see cref="TermPart.Rate"/>, not the scheme).</summary>
    IReadOnlyList<TermPart> Parts(SchemeInfo scheme, PlayerRole player);
}

public static class TermRegularisers
{
    /// <summary>The gradient of <paramref name="regulariser"/> on a training evaluation, each part scaled by
    /// <paramref name="scale"/> (SGA's alignment sign); null when it leaves the player alone.</summary>
    public static IReadOnlyList<Tensor>? TermGradient(this ITermRegulariser regulariser, GameEvaluation ev, SchemeInfo scheme,
        PlayerRole player, double scale = 1)
    {
        var terms = regulariser.Parts(scheme, player).Select(p => (C: scale * p.Coefficient(scheme, player), T: ev.Term(p.Term, player, regulariser.Estimator))).ToArray();
        using var _ = torch.NoGrad();
        return terms.Length == 0 ? null
            : terms.Skip(1).Aggregate(terms[0].T.Select(x => x * terms[0].C).ToArray(), (sum, p) => sum.Zip(p.T, (s, x) => s + x * p.C).ToArray());
    }
}
