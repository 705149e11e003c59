using GameDrift.Games;
using GameDrift.Torch;

namespace GameDrift.Diagnostics;

/// <summary>Reads a player's diagnostics off an evaluation, reusing the gradients and drift terms the step has
/// already computed. Drift-term norms cost one double-backward each when no regulariser computed them, so they
/// are only measured on request. The values stay on the device until read (<see cref="PlayerDiagnostics"/>).</summary>
public static class DiagnosticsProbe
{
    /// <param name="measureDrift">compute the self and interaction terms (same batch) when the step has not.</param>
    /// <param name="measureOther">compute the cross gradient (the other player's loss) when the step has not.</param>
    public static PlayerDiagnostics Measure(GameEvaluation ev, PlayerRole player, bool measureDrift, bool measureOther = true)
    {
        // No dispose scope around the gradients: those computed lazily are cached in the evaluation and must live as
        // long as the step. PlayerDiagnostics.OnDevice copies what it keeps out of the step's scope.
        if (!ev.IsDifferentiable)
            return PlayerDiagnostics.OnDevice(null, GradientMath.SquaredNorm(ev.OwnGradient(player)), null, null, null);
        var own = player == PlayerRole.Phi ? 1 : 2;
        var loss = own == 1 ? ev.Losses.L1 : ev.Losses.L2;
        return PlayerDiagnostics.OnDevice(
            loss,
            GradientMath.SquaredNorm(ev.Gradient(own, player)),
            measureOther || ev.TryGetGradient(3 - own, player, out _) ? GradientMath.SquaredNorm(ev.Gradient(3 - own, player)) : null,
            DriftNormSquared(ev, GradientTerm.SelfNorm, player, measureDrift),
            DriftNormSquared(ev, GradientTerm.OtherDotProduct, player, measureDrift));
    }

    private static Tensor? DriftNormSquared(GameEvaluation ev, GradientTerm term, PlayerRole player, bool measure)
    {
        if (ev.TryGetTerm(term, player, out var t)) return GradientMath.SquaredNorm(t);
        return measure ? GradientMath.SquaredNorm(ev.Term(term, player, TermEstimator.SameBatch)) : null;
    }
}
