namespace GameDrift.Io.Plots;

/// <summary>Chooses tick positions at "nice" values.</summary>
public static class Ticks
{
    // Multiples of a power of ten considered nice, as in matplotlib's MaxNLocator.
    private static readonly double[] NiceSteps = [1, 2, 2.5, 5, 10];

    /// <summary>
    /// Ticks at multiples of the smallest nice step (1, 2, 2.5 or 5 times a power of ten) that yields at most
    /// <paramref name="maxTicks"/> ticks inside [min, max] (ends included up to rounding).
    /// </summary>
    public static double[] Linear(double min, double max, int maxTicks = 8)
    {
        if (min > max) (min, max) = (max, min);
        if (!double.IsFinite(min) || !double.IsFinite(max)) return [];
        if (min == max) return [min];
        maxTicks = Math.Max(2, maxTicks);
        double range = max - min;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(range / maxTicks)));
        for (int decade = 0; decade < 3; decade++, magnitude *= 10)
        {
            foreach (double m in NiceSteps)
            {
                double[]? ticks = Multiples(min, max, m * magnitude, maxTicks);
                if (ticks is not null) return ticks;
            }
        }
        return [min, max];
    }

    /// <summary>The step between consecutive linear ticks (0 when fewer than two).</summary>
    public static double StepOf(IReadOnlyList<double> ticks) => ticks.Count < 2 ? 0 : ticks[1] - ticks[0];

    /// <summary>
    /// Major ticks for a log10 axis: powers of ten inside [min, max], thinned to every n-th decade when there
    /// are more than <paramref name="maxTicks"/>. Ranges holding fewer than three powers of ten use 1-2-5
    /// multiples instead (falling back to linear ticks when even those are too few).
    /// </summary>
    public static double[] Log10(double min, double max, int maxTicks = 8)
    {
        if (min > max) (min, max) = (max, min);
        if (!(min > 0) || !double.IsFinite(max)) return [];
        maxTicks = Math.Max(2, maxTicks);
        const double eps = 1e-9;
        int lo = (int)Math.Ceiling(Math.Log10(min) - eps);
        int hi = (int)Math.Floor(Math.Log10(max) + eps);
        int decades = hi - lo + 1;
        if (decades >= 3) return Decades(lo, hi, maxTicks);

        // Short ranges: 1-2-5 multiples read better than one or two lonely decades.
        var candidates = new List<double>();
        for (int k = lo - 1; k <= hi; k++)
            foreach (double m in new[] { 1.0, 2.0, 5.0 })
            {
                double v = m * Pow10(k);
                if (v >= min * (1 - eps) && v <= max * (1 + eps)) candidates.Add(v);
            }
        if (candidates.Count >= 2 && candidates.Count <= maxTicks) return [.. candidates];
        if (decades == 2) return Decades(lo, hi, maxTicks);
        return Linear(min, max, Math.Min(maxTicks, 6)).Where(v => v > 0).ToArray();
    }

    private static double[] Decades(int lo, int hi, int maxTicks)
    {
        int decades = hi - lo + 1;
        int stride = (decades + maxTicks - 1) / maxTicks;
        // Align to multiples of the stride so that, e.g., 1e-4, 1e-2, 1e0 are chosen rather than odd decades.
        int first = (int)Math.Ceiling(lo / (double)stride) * stride;
        var ticks = new List<double>();
        for (int k = first; k <= hi; k += stride) ticks.Add(Pow10(k));
        return [.. ticks];
    }

    /// <summary>Minor ticks for a log10 axis: 2..9 times each power of ten inside [min, max].</summary>
    public static double[] Log10Minor(double min, double max)
    {
        if (min > max) (min, max) = (max, min);
        if (!(min > 0) || !double.IsFinite(max)) return [];
        int lo = (int)Math.Floor(Math.Log10(min));
        int hi = (int)Math.Ceiling(Math.Log10(max));
        if (hi - lo > 12) return []; // too dense to be useful
        var ticks = new List<double>();
        for (int k = lo; k <= hi; k++)
            for (int m = 2; m <= 9; m++)
            {
                double v = m * Pow10(k);
                if (v >= min && v <= max) ticks.Add(v);
            }
        return [.. ticks];
    }

    // Multiples of step inside [min, max], or null when there would be more than maxCount.
    private static double[]? Multiples(double min, double max, double step, int maxCount)
    {
        const double eps = 1e-9;
        long first = (long)Math.Ceiling(min / step - eps);
        long last = (long)Math.Floor(max / step + eps);
        if (last - first + 1 > maxCount) return null;
        var ticks = new double[Math.Max(0, last - first + 1)];
        for (long i = first; i <= last; i++)
        {
            // Multiplying an integer by the step avoids the drift of repeated addition (0.30000000000000004).
            double v = i * step;
            ticks[i - first] = Math.Abs(v) < step * eps ? 0 : Clean(v, step);
        }
        return ticks;
    }

    // Rounds away binary noise below the step's precision.
    private static double Clean(double v, double step)
    {
        int decimals = Math.Clamp(2 - (int)Math.Floor(Math.Log10(step)), 0, 15);
        return Math.Round(v, decimals);
    }

    private static double Pow10(int k) => double.Parse($"1e{k}", System.Globalization.CultureInfo.InvariantCulture);
}
