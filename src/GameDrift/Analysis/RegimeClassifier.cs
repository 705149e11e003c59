namespace GameDrift.Analysis;

/// <summary>The long-run behaviour of a toy trajectory.</summary>
public enum ToyRegime { Converged, Cycling, Diverged, Chaotic }

/// <summary>Classifies a trajectory from its distances to the equilibrium at steps 0, N/2, N and its largest
/// Lyapunov exponent L (per step). The rule, first match wins (tau = <see cref="ExponentTolerance"/>):
/// <list type="number">
/// <item>diverged: d_N not finite, or d_N &gt; 2 d_0 (grew; the saturating Dirac-GAN grows to a large bounded orbit
/// rather than overflowing), or L &gt; tau with d_0 &lt; d_{N/2} &lt; d_N (still growing);</item>
/// <item>converged: d_N &lt; 1e-3 d_0, or L &lt; -tau with d_N &lt; d_0;</item>
/// <item>chaotic: L &gt; tau (bounded, not growing, yet sensitive to perturbations);</item>
/// <item>cycling: otherwise (bounded, |L| small: rotation or slow drift within the horizon).</item>
/// </list>
/// Without a known equilibrium (distances NaN) only the exponent decides: L &gt; tau chaotic, L &lt; -tau converged,
/// else cycling. Non-finite exponents count as diverged.</summary>
public static class RegimeClassifier
{
    public const double ExponentTolerance = 1e-3;

    public static ToyRegime Classify(double d0, double dMid, double dN, double lyapunov)
    {
        if (double.IsNaN(d0))
        {
            if (!double.IsFinite(lyapunov)) return ToyRegime.Diverged;
            return lyapunov > ExponentTolerance ? ToyRegime.Chaotic
                : lyapunov < -ExponentTolerance ? ToyRegime.Converged : ToyRegime.Cycling;
        }
        if (!double.IsFinite(dN) || double.IsNaN(lyapunov) || double.IsPositiveInfinity(lyapunov)) return ToyRegime.Diverged;
        if (dN > 2 * d0 || (lyapunov > ExponentTolerance && d0 < dMid && dMid < dN)) return ToyRegime.Diverged;
        if (dN < 1e-3 * d0 || (lyapunov < -ExponentTolerance && dN < d0)) return ToyRegime.Converged;
        return lyapunov > ExponentTolerance ? ToyRegime.Chaotic : ToyRegime.Cycling;
    }

    /// <summary>Lower-case name used in outputs.</summary>
    public static string Name(this ToyRegime r) => r.ToString().ToLowerInvariant();
}
