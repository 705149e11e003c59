namespace GameDrift.Analysis;

/// <summary>The long-run behaviour of a toy trajectory.</summary>
public enum ToyRegime { Converged, Cycling, Diverged, Chaotic }

/// <summary>Classifies a run of N steps from its distances to the equilibrium (d_0, the maxima M1 over n &lt;= N/4 and M2
/// over n &gt; N/2, d_N) and its largest Lyapunov exponent L per step. First match wins:
/// <list type="number">
/// <item>diverged: d_N or M2 not finite, L NaN or +inf; or M2 &gt; 1.1 M1 (still growing); or M2 &gt; 4 d_0 (grew to a much
/// larger orbit: the saturating Dirac-GAN's "unstable" is growth to a large bounded orbit, not overflow);</item>
/// <item>converged: d_N &lt; 1e-3 d_0, or M2 &lt; 0.9 M1 (still shrinking);</item>
/// <item>chaotic: L &gt; tau(N) = max(0.01, 3 ln N / N) — bounded, not trending, yet exponentially sensitive. The ln N / N floor
/// discounts the polynomial tangent growth of shearing but regular orbits (finite-time exponent ~ ln N / N);</item>
/// <item>cycling: otherwise (bounded, neither growing nor shrinking, regular).</item>
/// The 10% window margins tolerate slowly precessing orbits of the nonlinear games; short runs blur the rule.
/// </list>
/// Without a known equilibrium (distances NaN) only the exponent decides: diverged if not finite, chaotic above tau(N),
/// converged below -tau(N), else cycling.</summary>
public static class RegimeClassifier
{
    /// <summary>The exponent threshold tau(N) of the rule.</summary>
    public static double ExponentThreshold(int steps) => Math.Max(0.01, 3 * Math.Log(Math.Max(steps, 2)) / Math.Max(steps, 2));

    public static ToyRegime Classify(double d0, double earlyMax, double lateMax, double dN, double lyapunov, int steps)
    {
        double tau = ExponentThreshold(steps);
        if (double.IsNaN(lyapunov) || double.IsPositiveInfinity(lyapunov)) return ToyRegime.Diverged;
        if (double.IsNaN(d0))
            return lyapunov > tau ? ToyRegime.Chaotic : lyapunov < -tau ? ToyRegime.Converged : ToyRegime.Cycling;
        if (!double.IsFinite(dN) || !double.IsFinite(lateMax)) return ToyRegime.Diverged;
        if (lateMax > 1.1 * earlyMax || lateMax > 4 * d0) return ToyRegime.Diverged;
        if (dN < 1e-3 * d0 || lateMax < 0.9 * earlyMax) return ToyRegime.Converged;
        return lyapunov > tau ? ToyRegime.Chaotic : ToyRegime.Cycling;
    }

    /// <summary>Lower-case name used in outputs.</summary>
    public static string Name(this ToyRegime r) => r.ToString().ToLowerInvariant();
}
