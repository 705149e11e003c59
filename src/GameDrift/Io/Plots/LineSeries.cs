namespace GameDrift.Io.Plots;

/// <summary>Points joined by straight segments; NaN (or non-positive on a log axis) breaks the line.</summary>
public sealed class LineSeries : Series
{
    internal LineSeries(IReadOnlyList<double> xs, IReadOnlyList<double> ys, Rgb color)
    {
        CheckSameLength(xs, ys, "Line");
        Xs = xs;
        Ys = ys;
        Color = color;
    }

    /// <summary>X values.</summary>
    public IReadOnlyList<double> Xs { get; }

    /// <summary>Y values.</summary>
    public IReadOnlyList<double> Ys { get; }

    /// <summary>Stroke colour.</summary>
    public Rgb Color { get; set; }

    /// <summary>Stroke width in pixels.</summary>
    public double Width { get; set; } = 1.5;

    /// <summary>Dash pattern.</summary>
    public LineStyle Style { get; set; } = LineStyle.Solid;

    /// <summary>Marker drawn at every point.</summary>
    public Marker Marker { get; set; } = Marker.None;

    /// <summary>Marker width in pixels.</summary>
    public double MarkerSize { get; set; } = 6;

    internal override (Extent? X, Extent? Y) Bounds(Scale xScale, Scale yScale) => ShownExtents(Xs, Ys, xScale, yScale);

    internal override void Draw(PlotContext ctx)
    {
        foreach (var run in Runs(ctx, Xs, Ys))
        {
            ctx.Canvas.DrawPolyline(run, Color, Width, Style);
            if (Marker != Marker.None)
                foreach (var (x, y) in run) MarkerPainter.Draw(ctx.Canvas, Marker, x, y, MarkerSize, Color);
        }
    }

    internal override void DrawLegendKey(Canvas canvas, PixelRect key)
    {
        double y = key.Y + key.Height / 2.0;
        canvas.DrawLine(key.X + 1, y, key.Right - 1, y, Color, Width, Style);
        if (Marker != Marker.None) MarkerPainter.Draw(canvas, Marker, key.X + key.Width / 2.0, y, MarkerSize, Color);
    }

    internal override IEnumerable<(double X, double Y)> Footprint(PlotContext ctx) => Densify(Runs(ctx, Xs, Ys));

    // Only pairs where both coordinates can be shown count, so a NaN y does not widen the x range.
    internal static (Extent? X, Extent? Y) ShownExtents(IReadOnlyList<double> xs, IReadOnlyList<double> ys, Scale xScale, Scale yScale)
    {
        var keep = Enumerable.Range(0, xs.Count).Where(i => xScale.Accepts(xs[i]) && yScale.Accepts(ys[i])).ToArray();
        return (Extent.Of(keep.Select(i => xs[i]), xScale), Extent.Of(keep.Select(i => ys[i]), yScale));
    }
}
