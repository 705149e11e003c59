namespace GameDrift.Reports;

/// <summary>One cell's contribution to a ratio plot: its line (group), its lr ratio, its value (null when not measured)
/// and whether it diverged.</summary>
public sealed record CellValue(string Group, double Ratio, double? Value, bool Diverged);

/// <summary>Seeds at one ratio of one line: the mean, min and max over the seeds that did not diverge and have a finite
/// value (<see cref="Seeds"/> of them; NaN when none), and how many diverged.</summary>
public sealed record RatioPoint(double Ratio, double Mean, double Min, double Max, int Seeds, int Diverged);

/// <summary>One line of a ratio plot: the points of a group, by increasing ratio.</summary>
public sealed record RatioCurve(string Group, IReadOnlyList<RatioPoint> Points);

/// <summary>Groups sweep cells into lines (one per group, in order of first appearance) and aggregates the seeds that
/// share a ratio.</summary>
public static class RatioCurves
{
    public static IReadOnlyList<RatioCurve> Aggregate(IEnumerable<CellValue> cells)
    {
        var used = cells.Where(c => c.Diverged || c.Value is { } v && double.IsFinite(v)).ToList();
        return used.GroupBy(c => c.Group).Select(g => new RatioCurve(g.Key,
            g.GroupBy(c => RatioKey(c.Ratio)).Select(Point).OrderBy(p => p.Ratio).ToList())).ToList();
    }

    private static RatioPoint Point(IEnumerable<CellValue> seeds)
    {
        var all = seeds.ToList();
        var values = all.Where(c => !c.Diverged).Select(c => c.Value!.Value).ToArray();
        var ratio = all[0].Ratio;
        return values.Length == 0
            ? new RatioPoint(ratio, double.NaN, double.NaN, double.NaN, 0, all.Count)
            : new RatioPoint(ratio, values.Average(), values.Min(), values.Max(), values.Length, all.Count(c => c.Diverged));
    }

    // lr_d / lr_g computed from configs differs in the last bits between cells meant to share a ratio (0.01/0.02 vs
    // 0.03/0.06); 10 significant digits merge them.
    private static double RatioKey(double ratio) => double.Parse(ratio.ToString("G10", System.Globalization.CultureInfo.InvariantCulture),
        System.Globalization.CultureInfo.InvariantCulture);
}
