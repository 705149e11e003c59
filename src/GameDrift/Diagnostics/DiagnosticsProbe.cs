using GameDrift.Games;

namespace GameDrift.Diagnostics;

/// <summary>Reads a player's diagnostics off an evaluation, reusing the gradients and drift terms the step has
/// already computed. Drift-term norms cost one double-backward each when no regulariser computed them, so they
/// are only measured on request.</summary>
public static class DiagnosticsProbe
{
    /// <param name="measureDrift">compute the self and interaction terms (same batch) when the step has not.</param>
    /// <param name="measureOther">compute the cross gradient (the other player's loss) when the step has not.</param>
    public static PlayerDiagnostics Measure(GameEvaluation ev, PlayerRole player, bool measureDrift, bool measureOther = true)
    {
        // No dispose scope here: gradients computed lazily are cached in the evaluation and must live as long as the step.
        if (!ev.IsDifferentiable)
            return PlayerDiagnostics.Unmeasured with { OwnGradNorm = GradientMath.Norm(ev.OwnGradient(player)) };
        var own = player == PlayerRole.Phi ? 1 : 2;
        var loss = own == 1 ? ev.Losses.L1 : ev.Losses.L2;
        return new PlayerDiagnostics(
            loss.ToDouble(),
            GradientMath.Norm(ev.Gradient(own, player)),
            measureOther || ev.TryGetGradient(3 - own, player, out _) ? GradientMath.Norm(ev.Gradient(3 - own, player)) : double.NaN,
            DriftNorm(ev, GradientTerm.SelfNorm, player, measureDrift),
            DriftNorm(ev, GradientTerm.OtherDotProduct, player, measureDrift));
    }

    private static double DriftNorm(GameEvaluation ev, GradientTerm term, PlayerRole player, bool measure)
    {
        if (ev.TryGetTerm(term, player, out var t)) return GradientMath.Norm(t);
        return measure ? GradientMath.Norm(ev.Term(term, player, TermEstimator.SameBatch)) : double.NaN;
    }
}
