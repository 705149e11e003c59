namespace GameDrift.Io.Plots;

/// <summary>
/// Geometry of a rectangular grid of cells given either by cell centres (n values) or cell edges (n + 1 values)
/// per axis. Edges between centres are midpoints in the axis's scale, so cells look even on log axes too.
/// </summary>
internal sealed class CellGrid
{
    public CellGrid(IReadOnlyList<double> xs, IReadOnlyList<double> ys, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        if (rows == 0 || columns == 0) throw new ArgumentException("The grid has no cells.");
        Check(xs, columns, "x");
        Check(ys, rows, "y");
        Xs = xs;
        Ys = ys;
        Rows = rows;
        Columns = columns;
    }

    public IReadOnlyList<double> Xs { get; }
    public IReadOnlyList<double> Ys { get; }
    public int Rows { get; }
    public int Columns { get; }

    public (Extent? X, Extent? Y) Bounds(Scale xScale, Scale yScale) =>
        (Extent.Of(Edges(Xs, Columns, xScale), xScale), Extent.Of(Edges(Ys, Rows, yScale), yScale));

    /// <summary>Fills every cell with <paramref name="colorAt"/>(row, column); adjacent cells share pixel edges exactly.</summary>
    public void Paint(PlotContext ctx, Func<int, int, Rgb> colorAt)
    {
        var xe = Edges(Xs, Columns, ctx.X.Scale).Select(e => PixelEdge(ctx.X, e)).ToArray();
        var ye = Edges(Ys, Rows, ctx.Y.Scale).Select(e => PixelEdge(ctx.Y, e)).ToArray();
        for (int r = 0; r < Rows; r++)
        {
            int y0 = Math.Min(ye[r], ye[r + 1]), y1 = Math.Max(ye[r], ye[r + 1]);
            for (int c = 0; c < Columns; c++)
            {
                int x0 = Math.Min(xe[c], xe[c + 1]), x1 = Math.Max(xe[c], xe[c + 1]);
                ctx.Canvas.FillRect(new PixelRect(x0, y0, x1 - x0, y1 - y0), colorAt(r, c));
            }
        }
    }

    // Rounded pixel edge; values that cannot be shown (<= 0 on log) collapse to far outside the area.
    private static int PixelEdge(AxisMap map, double v)
    {
        if (!map.Scale.Accepts(v)) return map.PixelAtMin < map.PixelAtMax ? int.MinValue / 4 : int.MaxValue / 4;
        return (int)Math.Round(Math.Clamp(map.ToPixel(v), -1e6, 1e6));
    }

    /// <summary>Cell edges (n + 1 values) in data units for the given scale.</summary>
    public static double[] Edges(IReadOnlyList<double> coords, int cells, Scale scale)
    {
        if (coords.Count == cells + 1) return [.. coords];
        var t = coords.Select(v => scale.Transform(v)).ToArray();
        var edges = new double[cells + 1];
        if (cells == 1)
        {
            edges[0] = scale.Inverse(t[0] - 0.5);
            edges[1] = scale.Inverse(t[0] + 0.5);
            return edges;
        }
        for (int i = 1; i < cells; i++) edges[i] = scale.Inverse((t[i - 1] + t[i]) / 2);
        edges[0] = scale.Inverse(t[0] - (t[1] - t[0]) / 2);
        edges[cells] = scale.Inverse(t[cells - 1] + (t[cells - 1] - t[cells - 2]) / 2);
        return edges;
    }

    private static void Check(IReadOnlyList<double> coords, int cells, string axis)
    {
        if (coords.Count != cells && coords.Count != cells + 1)
            throw new ArgumentException($"The {axis} coordinates must be {cells} cell centres or {cells + 1} cell edges, got {coords.Count}.");
        for (int i = 1; i < coords.Count; i++)
        {
            double d = coords[i] - coords[i - 1];
            double first = coords[1] - coords[0];
            if (!double.IsFinite(coords[i]) || d == 0 || Math.Sign(d) != Math.Sign(first))
                throw new ArgumentException($"The {axis} coordinates must be finite and strictly monotonic (problem at index {i}).");
        }
    }
}
