namespace GameDrift.Analysis;

/// <summary>Distances to the equilibrium along a run: the start, the maximum over an early window, the maximum over a late
/// window, the end. The windows are the first quarter (n &lt;= N/4) and the second half (n &gt; N/2), each widened to at least
/// one turn of the linearised rotation (<c>period</c> steps) so that a cycling orbit shows its whole extent in both; window
/// maxima then separate growth, decay and cycling robustly (a periodic orbit has equal maxima). When the run is shorter
/// than two turns the windows overlap and <see cref="WindowsValid"/> is false.</summary>
internal sealed class DistanceTracker
{
    private readonly double[]? eq;
    private readonly int steps, earlyEnd, lateStart;

    public DistanceTracker(double[]? equilibrium, int steps, double period = 0)
    {
        eq = equilibrium;
        this.steps = steps;
        var turn = (int)Math.Min(Math.Ceiling(period), int.MaxValue / 2);
        earlyEnd = Math.Max(steps / 4, turn);
        lateStart = Math.Max(0, Math.Min(steps / 2, steps - turn));
        WindowsValid = lateStart >= earlyEnd;
    }

    public double Initial = double.NaN, EarlyMax = double.NaN, LateMax = double.NaN, Final = double.NaN;

    /// <summary>False when the run is too short for two disjoint windows of one turn each.</summary>
    public bool WindowsValid { get; }

    public void Observe(int n, ReadOnlySpan<double> z)
    {
        if (eq == null) return;
        double s = 0;
        for (int i = 0; i < z.Length; i++) s += (z[i] - eq[i]) * (z[i] - eq[i]);
        double d = Math.Sqrt(s);
        if (n == 0) Initial = d;
        if (n <= earlyEnd) EarlyMax = n == 0 ? d : Max(EarlyMax, d);
        if (n > lateStart) LateMax = n == lateStart + 1 ? d : Max(LateMax, d);
        if (n == steps) Final = d;
    }

    // NaN-propagating maximum, so a blown-up run stays visibly non-finite.
    private static double Max(double a, double b) => double.IsNaN(a) || double.IsNaN(b) ? double.NaN : Math.Max(a, b);
}
