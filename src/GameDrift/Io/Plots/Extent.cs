namespace GameDrift.Io.Plots;

/// <summary>A closed interval of data values, used for autoscaling.</summary>
internal readonly record struct Extent(double Min, double Max)
{
    public static Extent? Of(IEnumerable<double> values, Scale scale)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (!scale.Accepts(v)) continue;
            lo = Math.Min(lo, v);
            hi = Math.Max(hi, v);
        }
        return lo <= hi ? new Extent(lo, hi) : null;
    }

    public static Extent? Union(Extent? a, Extent? b) =>
        a is null ? b : b is null ? a : new Extent(Math.Min(a.Value.Min, b.Value.Min), Math.Max(a.Value.Max, b.Value.Max));
}
