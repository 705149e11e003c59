using System.Globalization;

namespace GameDrift.Io.Plots;

/// <summary>Formats tick values into short labels.</summary>
public static class TickFormat
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// Labels for linear ticks sharing one number of decimals derived from the step
    /// (0, 0.5, 1.0 rather than 0, 0.5, 1); switches to scientific notation for very large or small values.
    /// </summary>
    public static string[] Linear(IReadOnlyList<double> ticks)
    {
        if (ticks.Count == 0) return [];
        double step = Ticks.StepOf(ticks);
        double maxAbs = ticks.Max(Math.Abs);
        if (maxAbs >= 1e5 || (maxAbs > 0 && maxAbs < 1e-3) || (step > 0 && step < 1e-4 * maxAbs))
            return ticks.Select(Scientific).ToArray();
        int decimals = step > 0 ? DecimalsFor(step) : DecimalsFor(maxAbs);
        return ticks.Select(v => Fixed(v, decimals)).ToArray();
    }

    /// <summary>A log-axis label: plain decimals from 0.001 to 9999, otherwise like "1e-5" or "2e6".</summary>
    public static string Log(double v)
    {
        double a = Math.Abs(v);
        if (a >= 1e-3 && a < 1e4) return v.ToString("0.######", Inv);
        return Scientific(v);
    }

    /// <summary>A compact scientific form: mantissa with up to 3 significant digits, e.g. "2.5e-4", "1e6".</summary>
    public static string Scientific(double v)
    {
        if (v == 0) return "0";
        string s = v.ToString("0.##e0", Inv);
        return s;
    }

    private static int DecimalsFor(double step)
    {
        for (int d = 0; d < 10; d++)
        {
            double scaled = step * Math.Pow(10, d);
            if (Math.Abs(scaled - Math.Round(scaled)) < 1e-6 * Math.Max(1, scaled)) return d;
        }
        return 10;
    }

    private static string Fixed(double v, int decimals)
    {
        string s = v.ToString("F" + decimals, Inv);
        // "-0.0" reads as a bug in a tick label.
        return s.TrimStart('-').Trim('0', '.').Length == 0 ? s.TrimStart('-') : s;
    }
}
