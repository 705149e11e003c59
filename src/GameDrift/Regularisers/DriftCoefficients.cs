using GameDrift.Torch;
using GameDrift.Games;

namespace GameDrift.Regularisers;

/// <summary>Which drift coefficients to use (spec §3.2–3.3, §5.1, discrepancy D2).</summary>
public enum DriftConvention
{
    /// <summary>The official code's (<c>drift_utils.get_dd_coeffs</c>), per-player time: reproduces the paper. The default.</summary>
    Paper,
    /// <summary>The single-clock backward-error coefficients (§3.3), exact for multi-step trajectories when eta_phi != eta_theta.</summary>
    SingleClock,
}

/// <summary>A drift coefficient as a mix of the two learning rates: <c>d = Own * eta_P + Other * eta_O</c>. Every
/// coefficient of spec §3.3/§5.1 is linear in the rates, so the same mix serves one run (scalar rates) and a batch
/// of configurations (a rate per row).</summary>
public readonly record struct RateMix(double Own, double Other)
{
    public double Of(double etaOwn, double etaOther) => Own * etaOwn + Other * etaOther;

    /// <summary>The mix of rates given per configuration (rows of a batch).</summary>
    public Tensor Of(Tensor etaOwn, Tensor etaOther) => Own * etaOwn + Other * etaOther;
}

/// <summary>The drift coefficient d multiplying a §5.1 gradient term in the implicit drift: the player's applied
/// gradient behaves as <c>grad L_P + d_self * SelfNorm + d_int * OtherDotProduct</c>. A drift regulariser with
/// multiplier m adds <c>m * d</c> times the term (m = -1 cancels it, +1 doubles it).</summary>
/// <remarks>Single clock with k1 steps of the first mover (rate eta_1) then k2 of the second (eta_2): one iteration is
/// z -> z + (k1 eta_1 f, k2 eta_2 g) + (eta_1² k1(k1-1)/2 f_1 f, k1 k2 eta_1 eta_2 g_1 f + eta_2² k2(k2-1)/2 g_2 g) + O(eta³),
/// and matching the time-one flow of F = (k1 eta_1 f, k2 eta_2 g) + F2 gives
/// F2 = (-k1 eta_1²/2 f_1 f - k1 k2 eta_1 eta_2/2 f_2 g, +k1 k2 eta_1 eta_2/2 g_1 f - k2 eta_2²/2 g_2 g). Per sub-step
/// (divide by k_P eta_P): self eta_P/2 for both; interaction k2 eta_2/2 for the first mover, -k1 eta_1/2 for the second.
/// k1 = k2 = 1 gives §3.3.</remarks>
public static class DriftCoefficients
{
    /// <summary>d for the self term (<see cref="GradientTerm.SelfNorm"/>) of <paramref name="player"/>, as a mix of the rates
    /// (the rates in <paramref name="s"/> are not read).</summary>
    public static RateMix SelfMix(DriftConvention convention, SchemeInfo s, PlayerRole player)
    {
        RejectRungeKutta(s);
        if (s.Kind == SchemeKind.Simultaneous) return new(0.5, 0);
        // Alternating: the code's eta/(2k) (§3.4, unverified for k > 1); on the single clock eta/2 for every k (above).
        return new(convention == DriftConvention.SingleClock ? 0.5 : 0.5 / s.Steps(player), 0);
    }

    /// <summary>d for the interaction term (<see cref="GradientTerm.OtherDotProduct"/>), as a mix of the rates.</summary>
    public static RateMix InteractionMix(DriftConvention convention, SchemeInfo s, PlayerRole player)
    {
        RejectRungeKutta(s);
        var second = s.Kind == SchemeKind.Alternating && player != s.First;
        if (convention == DriftConvention.Paper)
            // §5.1 table: eta/2, and eta_2/2 (1 - 2 eta_1/eta_2) = eta_2/2 - eta_1 for the second mover.
            return second ? new(0.5, -1) : new(0.5, 0);
        // §3.3 / §5.1 single clock: the other player's k eta/2 (k = its steps per iteration; 1 when simultaneous);
        // the second mover's sign flips.
        var k = s.Kind == SchemeKind.Alternating ? s.Steps(player.Other()) : 1;
        return new(0, second ? -k / 2.0 : k / 2.0);
    }

    private static void RejectRungeKutta(SchemeInfo s)
    {
        if (s.Kind == SchemeKind.RungeKutta4)
            throw new NotSupportedException("drift coefficients are defined for Euler updates (simultaneous or alternating), not RK4, whose drift is O(h^5)");
    }
}
