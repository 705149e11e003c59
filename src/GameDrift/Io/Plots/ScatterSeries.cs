namespace GameDrift.Io.Plots;

/// <summary>Unconnected markers.</summary>
public sealed class ScatterSeries : Series
{
    internal ScatterSeries(IReadOnlyList<double> xs, IReadOnlyList<double> ys, Rgb color)
    {
        CheckSameLength(xs, ys, "Scatter");
        Xs = xs;
        Ys = ys;
        Color = color;
    }

    /// <summary>X values.</summary>
    public IReadOnlyList<double> Xs { get; }

    /// <summary>Y values.</summary>
    public IReadOnlyList<double> Ys { get; }

    /// <summary>Marker colour.</summary>
    public Rgb Color { get; set; }

    /// <summary>Marker shape.</summary>
    public Marker Marker { get; set; } = Marker.Circle;

    /// <summary>Marker width in pixels.</summary>
    public double Size { get; set; } = 6;

    /// <summary>Opacity in [0, 1]; below 1 shows overlapping points.</summary>
    public double Alpha { get; set; } = 1;

    internal override (Extent? X, Extent? Y) Bounds(Scale xScale, Scale yScale) => LineSeries.ShownExtents(Xs, Ys, xScale, yScale);

    internal override void Draw(PlotContext ctx)
    {
        for (int i = 0; i < Xs.Count; i++)
        {
            if (!ctx.Accepts(Xs[i], Ys[i])) continue;
            var (x, y) = ctx.ToPixel(Xs[i], Ys[i]);
            MarkerPainter.Draw(ctx.Canvas, Marker, x, y, Size, Color, Alpha);
        }
    }

    internal override void DrawLegendKey(Canvas canvas, PixelRect key) =>
        MarkerPainter.Draw(canvas, Marker, key.X + key.Width / 2.0, key.Y + key.Height / 2.0, Size, Color);

    internal override IEnumerable<(double X, double Y)> Footprint(PlotContext ctx)
    {
        for (int i = 0; i < Xs.Count; i++)
            if (ctx.Accepts(Xs[i], Ys[i])) yield return ctx.ToPixel(Xs[i], Ys[i]);
    }
}
