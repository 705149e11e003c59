namespace GameDrift.Io.Plots;

/// <summary>How data values map to positions along an axis (or onto a colour map).</summary>
public enum Scale
{
    /// <summary>Proportional to the value.</summary>
    Linear,
    /// <summary>Proportional to log10 of the value; non-positive values are not shown.</summary>
    Log,
}

/// <summary>Helpers for <see cref="Scale"/>.</summary>
public static class ScaleExtensions
{
    /// <summary>The value in the scale's linear space: identity or log10.</summary>
    public static double Transform(this Scale scale, double v) => scale == Scale.Log ? Math.Log10(v) : v;

    /// <summary>Inverse of <see cref="Transform"/>.</summary>
    public static double Inverse(this Scale scale, double t) => scale == Scale.Log ? Math.Pow(10, t) : t;

    /// <summary>Whether <paramref name="v"/> can be shown on this scale (finite, and positive for log).</summary>
    public static bool Accepts(this Scale scale, double v) => double.IsFinite(v) && (scale == Scale.Linear || v > 0);
}
