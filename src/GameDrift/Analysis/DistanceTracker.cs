namespace GameDrift.Analysis;

/// <summary>Distances to the equilibrium along a run: the start, the maximum over the first quarter (n &lt;= N/4), the
/// maximum over the second half (n &gt; N/2), the end. Window maxima separate growth, decay and cycling (a periodic orbit
/// has equal maxima) robustly; the gap between the windows makes saturating growth visible.</summary>
internal sealed class DistanceTracker
{
    private readonly double[]? eq;
    private readonly int steps;

    public DistanceTracker(double[]? equilibrium, int steps) { eq = equilibrium; this.steps = steps; }

    public double Initial = double.NaN, EarlyMax = double.NaN, LateMax = double.NaN, Final = double.NaN;

    public void Observe(int n, ReadOnlySpan<double> z)
    {
        if (eq == null) return;
        double s = 0;
        for (int i = 0; i < z.Length; i++) s += (z[i] - eq[i]) * (z[i] - eq[i]);
        double d = Math.Sqrt(s);
        if (n == 0) Initial = d;
        if (n <= steps / 4) EarlyMax = n == 0 ? d : Max(EarlyMax, d);
        if (n > steps / 2) LateMax = n == steps / 2 + 1 ? d : Max(LateMax, d);
        if (n == steps) Final = d;
    }

    // NaN-propagating maximum, so a blown-up run stays visibly non-finite.
    private static double Max(double a, double b) => double.IsNaN(a) || double.IsNaN(b) ? double.NaN : Math.Max(a, b);
}
