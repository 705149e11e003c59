namespace GameDrift.Io.Plots;

/// <summary>
/// A grid of values shown as coloured cells (like pcolormesh). <c>Values[row, column]</c> sits at
/// (<c>Xs[column]</c>, <c>Ys[row]</c>). NaN cells, and non-positive ones on a log colour scale, are shown in
/// <see cref="MissingColor"/>; +/- infinity take the end colours.
/// </summary>
public sealed class HeatmapSeries : Series
{
    private readonly CellGrid grid;

    internal HeatmapSeries(double[,] values, IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        ArgumentNullException.ThrowIfNull(values);
        grid = new CellGrid(xs, ys, values.GetLength(0), values.GetLength(1));
        Values = values;
    }

    /// <summary>The values, indexed [row (y), column (x)].</summary>
    public double[,] Values { get; }

    /// <summary>Colour map for the values.</summary>
    public ColorMap ColorMap { get; set; } = ColorMap.Viridis;

    /// <summary>Linear or log10 mapping of values onto the colour map.</summary>
    public Scale ColorScale { get; set; } = Scale.Linear;

    /// <summary>Value shown in the lowest colour; automatic (smallest finite value) when null.</summary>
    public double? VMin { get; set; }

    /// <summary>Value shown in the highest colour; automatic (largest finite value) when null.</summary>
    public double? VMax { get; set; }

    /// <summary>Colour of missing cells.</summary>
    public Rgb MissingColor { get; set; } = Palette.Missing;

    /// <summary>Text beside the colour bar.</summary>
    public string? ColorbarLabel { get; set; }

    internal override bool Tight => true;

    /// <summary>The value range spread over the colour map, after filling in automatic limits.</summary>
    public (double Min, double Max) ColorLimits()
    {
        Extent? e = Extent.Of(Values.Cast<double>(), ColorScale);
        double lo = VMin ?? e?.Min ?? (ColorScale == Scale.Log ? 1 : 0);
        double hi = VMax ?? e?.Max ?? (ColorScale == Scale.Log ? 10 : 1);
        return (lo, hi);
    }

    /// <summary>The colour a cell holding <paramref name="value"/> is painted with.</summary>
    public Rgb ColorOf(double value) => ColorOf(value, ColorLimits());

    private Rgb ColorOf(double value, (double Min, double Max) limits)
    {
        if (double.IsNaN(value) || (ColorScale == Scale.Log && value <= 0)) return MissingColor;
        if (double.IsPositiveInfinity(value)) return ColorMap.Map(1);
        if (double.IsNegativeInfinity(value)) return ColorMap.Map(0);
        double t0 = ColorScale.Transform(limits.Min), t1 = ColorScale.Transform(limits.Max);
        double t = t1 == t0 ? 0.5 : (ColorScale.Transform(value) - t0) / (t1 - t0);
        return ColorMap.Map(t);
    }

    internal override (Extent? X, Extent? Y) Bounds(Scale xScale, Scale yScale) => grid.Bounds(xScale, yScale);

    internal override void Draw(PlotContext ctx)
    {
        var limits = ColorLimits(); // once, not per cell
        grid.Paint(ctx, (r, c) => ColorOf(Values[r, c], limits));
    }

    internal override IEnumerable<LegendEntry> LegendEntries() => [];
}
