using GameDrift.Games;
using GameDrift.Schemes;

namespace GameDrift.Regularisers;

/// <summary>Which drift coefficients to use (spec §3.2–3.3, §5.1, discrepancy D2).</summary>
public enum DriftConvention
{
    /// <summary>The official code's (<c>drift_utils.get_dd_coeffs</c>), per-player time: reproduces the paper.</summary>
    Paper,
    /// <summary>The single-clock backward-error coefficients (§3.3), exact for multi-step trajectories when eta_phi != eta_theta.</summary>
    SingleClock,
}

/// <summary>The drift coefficient d multiplying a §5.1 gradient term in the implicit drift: the player's applied
/// gradient behaves as <c>grad L_P + d_self * SelfNorm + d_int * OtherDotProduct</c>. A drift regulariser with
/// multiplier m adds <c>m * d</c> times the term (m = -1 cancels it, +1 doubles it).</summary>
public static class DriftCoefficients
{
    /// <summary>d for the self term (<see cref="GradientTerm.SelfNorm"/>) of <paramref name="player"/>.</summary>
    public static double Self(DriftConvention convention, SchemeInfo s, PlayerRole player)
    {
        RejectRungeKutta(s);
        var eta = s.Lr(player);
        if (s.Kind == SchemeKind.Simultaneous) return eta / 2;
        // Alternating: the code's eta/(2k) (§3.4, unverified for k > 1); single clock is derived for k = 1 only.
        if (convention == DriftConvention.SingleClock) RejectMultiStep(s);
        return eta / (2.0 * s.Steps(player));
    }

    /// <summary>d for the interaction term (<see cref="GradientTerm.OtherDotProduct"/>) of <paramref name="player"/>.</summary>
    public static double Interaction(DriftConvention convention, SchemeInfo s, PlayerRole player)
    {
        RejectRungeKutta(s);
        double own = s.Lr(player), other = s.Lr(player.Other());
        var second = s.Kind == SchemeKind.Alternating && player != s.First;
        if (convention == DriftConvention.Paper)
            // §5.1 table: eta/2, and eta_2/2 (1 - 2 eta_1/eta_2) = eta_2/2 - eta_1 for the second mover.
            return second ? own / 2 - other : own / 2;
        if (s.Kind == SchemeKind.Alternating) RejectMultiStep(s);
        // §3.3 / §5.1 single clock: the other player's eta/2; the second mover's sign flips.
        return second ? -other / 2 : other / 2;
    }

    private static void RejectRungeKutta(SchemeInfo s)
    {
        if (s.Kind == SchemeKind.RungeKutta4)
            throw new NotSupportedException("drift coefficients are defined for Euler updates (simultaneous or alternating), not RK4, whose drift is O(h^5)");
    }

    private static void RejectMultiStep(SchemeInfo s)
    {
        if (s.PhiSteps != 1 || s.ThetaSteps != 1)
            throw new NotSupportedException("single-clock drift coefficients are derived for one step per player; use the paper convention for k > 1");
    }
}
