using ScottPlot;
using ScottPlot.TickGenerators;

namespace GameDrift.Reports.Charts;

/// <summary>Ticks for an axis whose data are passed as log10 of positive values, labelled in data units. ScottPlot 5
/// has no log scale, so the data are plotted as log10 and this generator puts the labels back: every power of ten
/// over wide ranges, 1-2-5 over a couple of decades, 1..9 within most of one (so a narrow range still gets labels).</summary>
public static class LogTicks
{
    /// <summary>Log ticks on the bottom axis covering [<paramref name="min"/>, <paramref name="max"/>] (data units).</summary>
    public static void X(Plot plot, double min, double max) => plot.Axes.Bottom.TickGenerator = For(min, max);

    /// <summary>Log ticks on the left axis covering [<paramref name="min"/>, <paramref name="max"/>] (data units).</summary>
    public static void Y(Plot plot, double min, double max) => plot.Axes.Left.TickGenerator = For(min, max);

    /// <summary>Log ticks on the bottom axis labelled at the measured <paramref name="values"/> themselves (learning
    /// rates, ratios: usually powers of two, which 1-2-5 ticks would miss) when there are at most eight of them.</summary>
    public static void X(Plot plot, IEnumerable<double> values)
    {
        var at = values.Where(v => v > 0).Distinct().Order().ToArray();
        if (at.Length == 0) return;
        if (at.Length > 8) { X(plot, at[0], at[^1]); return; }
        var ticks = new NumericManual();
        foreach (var v in at) ticks.AddMajor(Math.Log10(v), Label(v));
        plot.Axes.Bottom.TickGenerator = ticks;
    }

    public static ITickGenerator For(double min, double max)
    {
        if (!(min > 0) || !(max >= min)) throw new ArgumentException($"a log axis needs positive data, got [{min}, {max}]");
        int lo = (int)Math.Floor(Math.Log10(min)) - 1, hi = (int)Math.Ceiling(Math.Log10(max)) + 1;
        double decades = Math.Log10(max / min);
        int[] majors = decades < 0.8 ? [1, 2, 3, 4, 5, 6, 7, 8, 9] : decades <= 2.5 ? [1, 2, 5] : [1];
        var ticks = new NumericManual();
        for (int e = lo; e <= hi; e++)
        for (int m = 1; m <= 9; m++)
        {
            double v = m * Math.Pow(10, e), at = Math.Log10(v);
            if (majors.Contains(m)) ticks.AddMajor(at, Label(v));
            else ticks.AddMinor(at);
        }
        return ticks;
    }

    /// <summary>A tick label: plain digits between 1e-3 and 1e4, otherwise 2e-5 style.</summary>
    public static string Label(double v)
    {
        double a = Math.Abs(v);
        return a is >= 1e-3 and < 1e4 ? v.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)
            : v.ToString("0.#e0", System.Globalization.CultureInfo.InvariantCulture);
    }
}
