namespace GameDrift.Analysis;

/// <summary>The long-run behaviour of a toy trajectory.</summary>
public enum ToyRegime { Converged, Cycling, Diverged, Chaotic, Undecided }

/// <summary>Classifies a run of N steps from its distances to the equilibrium (d_0, the maxima M1 over the early window and
/// M2 over the late window, d_N; see <see cref="DistanceTracker"/>: at least one turn of the linearised rotation each) and
/// its largest Lyapunov exponent L per step. First match wins:
/// <list type="number">
/// <item>diverged: d_N or M2 not finite, L NaN or +inf;</item>
/// <item>converged: d_N &lt;= 0.01 d_0 — the distance went to (near) zero, nothing less;</item>
/// <item>undecided: the run is shorter than two turns of the linearised rotation (the windows would compare different
/// phases of one orbit; run longer), unless M2 &gt; 4 d_0;</item>
/// <item>diverged: M2 &gt; 1.1 M1 (still growing over whole turns), or M2 &gt; 4 d_0 (grew to a much larger orbit: the
/// saturating Dirac-GAN's "unstable" is growth to a large bounded orbit, not overflow);</item>
/// <item>undecided: M2 &lt; 0.9 M1 and d_N &lt; d_0 — still shrinking, not yet near zero (run longer);</item>
/// <item>chaotic: L &gt; tau(N) = max(0.01, 3 ln N / N) — bounded, not trending, yet exponentially sensitive. The ln N / N floor
/// discounts the polynomial tangent growth of shearing but regular orbits (finite-time exponent ~ ln N / N);</item>
/// <item>cycling: otherwise (bounded away from the equilibrium, neither growing nor shrinking, regular).</item>
/// </list>
/// Without a known equilibrium (distances NaN) only the exponent decides: diverged if not finite, chaotic above tau(N),
/// converged below -tau(N), else cycling.</summary>
public static class RegimeClassifier
{
    /// <summary>The exponent threshold tau(N) of the rule.</summary>
    public static double ExponentThreshold(int steps) => Math.Max(0.01, 3 * Math.Log(Math.Max(steps, 2)) / Math.Max(steps, 2));

    /// <param name="windowsValid">false when the run is shorter than two turns of its linearised rotation.</param>
    public static ToyRegime Classify(double d0, double earlyMax, double lateMax, double dN, double lyapunov, int steps, bool windowsValid = true)
    {
        double tau = ExponentThreshold(steps);
        if (double.IsNaN(lyapunov) || double.IsPositiveInfinity(lyapunov)) return ToyRegime.Diverged;
        if (double.IsNaN(d0))
            return lyapunov > tau ? ToyRegime.Chaotic : lyapunov < -tau ? ToyRegime.Converged : ToyRegime.Cycling;
        if (!double.IsFinite(dN) || !double.IsFinite(lateMax)) return ToyRegime.Diverged;
        if (dN <= 0.01 * d0) return ToyRegime.Converged;
        if (!windowsValid) return lateMax > 4 * d0 ? ToyRegime.Diverged : ToyRegime.Undecided;
        if (lateMax > 1.1 * earlyMax || lateMax > 4 * d0) return ToyRegime.Diverged;
        if (lateMax < 0.9 * earlyMax && dN < d0) return ToyRegime.Undecided;
        return lyapunov > tau ? ToyRegime.Chaotic : ToyRegime.Cycling;
    }

    /// <summary>What each verdict means, one line each (for plots and help).</summary>
    public static IReadOnlyList<string> Legend { get; } = new[]
    {
        "converged: the distance to the equilibrium fell below 1% of the start",
        "cycling / chaotic: bounded, away from the equilibrium (regular / exponentially sensitive)",
        "diverged: non-finite, still growing over whole turns, or grew beyond 4x the start",
        "undecided: shorter than two turns of the linearised rotation, or still shrinking: run longer",
    };

    /// <summary>Lower-case name used in outputs.</summary>
    public static string Name(this ToyRegime r) => r.ToString().ToLowerInvariant();
}
