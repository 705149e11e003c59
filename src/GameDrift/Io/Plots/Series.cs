namespace GameDrift.Io.Plots;

/// <summary>Something drawn inside a plot's axes.</summary>
public abstract class Series
{
    /// <summary>Legend text; series without a label are left out of the legend.</summary>
    public string? Label { get; set; }

    /// <summary>Whether autoscaling should fit this series exactly instead of adding a margin (images, maps).</summary>
    internal virtual bool Tight => false;

    /// <summary>The data extent on each axis, ignoring values the scale cannot show.</summary>
    internal abstract (Extent? X, Extent? Y) Bounds(Scale xScale, Scale yScale);

    internal abstract void Draw(PlotContext ctx);

    internal virtual IEnumerable<LegendEntry> LegendEntries()
    {
        if (!string.IsNullOrEmpty(Label)) yield return new LegendEntry(Label, DrawLegendKey);
    }

    internal virtual void DrawLegendKey(Canvas canvas, PixelRect key) { }

    /// <summary>Pixel positions the legend should avoid covering.</summary>
    internal virtual IEnumerable<(double X, double Y)> Footprint(PlotContext ctx) => [];

    /// <summary>Splits points into runs of consecutive showable points, in pixel coordinates.</summary>
    internal static List<(double X, double Y)[]> Runs(PlotContext ctx, IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        var runs = new List<(double X, double Y)[]>();
        var current = new List<(double X, double Y)>();
        for (int i = 0; i < xs.Count; i++)
        {
            if (ctx.Accepts(xs[i], ys[i]))
            {
                current.Add(ctx.ToPixel(xs[i], ys[i]));
                continue;
            }
            if (current.Count > 0) runs.Add([.. current]);
            current.Clear();
        }
        if (current.Count > 0) runs.Add([.. current]);
        return runs;
    }

    /// <summary>Points every few pixels along the polylines, so a legend does not hide a line between vertices.</summary>
    internal static IEnumerable<(double X, double Y)> Densify(IEnumerable<(double X, double Y)[]> runs, double spacing = 4)
    {
        foreach (var run in runs)
        {
            for (int i = 0; i < run.Length; i++)
            {
                yield return run[i];
                if (i + 1 == run.Length) break;
                var (ax, ay) = run[i];
                var (bx, by) = run[i + 1];
                int n = (int)Math.Min(500, Math.Sqrt((bx - ax) * (bx - ax) + (by - ay) * (by - ay)) / spacing);
                for (int k = 1; k < n; k++)
                    yield return (ax + (bx - ax) * k / n, ay + (by - ay) * k / n);
            }
        }
    }

    internal static void CheckSameLength(IReadOnlyList<double> xs, IReadOnlyList<double> ys, string what)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        if (xs.Count != ys.Count)
            throw new ArgumentException($"{what}: x has {xs.Count} values but y has {ys.Count}.");
    }
}
