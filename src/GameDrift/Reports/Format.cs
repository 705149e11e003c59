using System.Globalization;

namespace GameDrift.Reports;

/// <summary>Numbers and labels as reports print them.</summary>
public static class Format
{
    /// <summary>Six significant digits, invariant culture; blank for null.</summary>
    public static string Number(double? v) => v is { } x ? x.ToString("G6", CultureInfo.InvariantCulture) : "";

    /// <summary>A short cell label for legends: scheme, regularisers, r=lr_ratio, sN for the seed, k=v for other axes.</summary>
    public static string Compact(SweepRecord sweep, SweepCell cell)
    {
        if (sweep.AxisKeys.Count == 0) return sweep.Label(cell);
        return string.Join(" ", sweep.AxisKeys.Select(k => (k, v: cell.Row.GetValueOrDefault(k, ""))).Select(x => x.k switch
        {
            "scheme" => x.v,
            "regularisers" => x.v is "" or "none" ? "none" : x.v,
            "lr_ratio" => "r=" + x.v,
            "seed" => "s" + x.v,
            _ => $"{x.k}={x.v}",
        }));
    }
}
