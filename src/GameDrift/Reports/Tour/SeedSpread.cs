using System.Globalization;

namespace GameDrift.Reports.Tour;

/// <summary>A measure over seeds: how many, their mean, and the smallest and largest (the spread the findings quote).</summary>
public sealed record SeedSpread(int N, double Mean, double Min, double Max)
{
    public static SeedSpread? Of(IEnumerable<double> values)
    {
        var v = values.Where(double.IsFinite).ToArray();
        return v.Length == 0 ? null : new SeedSpread(v.Length, v.Average(), v.Min(), v.Max());
    }

    /// <summary>True when every seed of this one is better than every seed of <paramref name="other"/>: the ranges do
    /// not overlap. With three seeds a side this is what the findings call a difference.</summary>
    public bool SeparatedAbove(SeedSpread other, bool lowerIsBetter) => lowerIsBetter ? Max < other.Min : Min > other.Max;

    /// <summary>"2.33 [1–4]" (mean [min–max]); one seed: just the value.</summary>
    public string Text(string format = "0.##") => N == 1
        ? Mean.ToString(format, CultureInfo.InvariantCulture)
        : $"{Mean.ToString(format, CultureInfo.InvariantCulture)} [{Min.ToString(format, CultureInfo.InvariantCulture)}–{Max.ToString(format, CultureInfo.InvariantCulture)}]";
}
