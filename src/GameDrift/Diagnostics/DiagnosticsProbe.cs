using GameDrift.Games;
using GameDrift.Torch;

namespace GameDrift.Diagnostics;

/// <summary>Reads a player's diagnostics off an evaluation: its loss and own gradient, and the cross gradient and drift
/// terms when the step or a <see cref="DiagnosticsMeasurement"/> computed them (else they are NaN). The values stay
/// on the device until read (<see cref="PlayerDiagnostics"/>).</summary>
public static class DiagnosticsProbe
{
    public static PlayerDiagnostics Measure(GameEvaluation ev, PlayerRole player)
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
            ev.TryGetGradient(3 - own, player, out var other) ? GradientMath.SquaredNorm(other) : null,
            DriftNormSquared(ev, GradientTerm.SelfNorm, player),
            DriftNormSquared(ev, GradientTerm.OtherDotProduct, player));
    }

    private static Tensor? DriftNormSquared(GameEvaluation ev, GradientTerm term, PlayerRole player) =>
        ev.TryGetTerm(term, player, out var t) ? GradientMath.SquaredNorm(t) : null;
}
