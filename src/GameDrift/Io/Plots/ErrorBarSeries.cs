namespace GameDrift.Io.Plots;

/// <summary>Points with vertical error bars (e.g. mean and spread over seeds), optionally joined by a line.</summary>
public sealed class ErrorBarSeries : Series
{
    internal ErrorBarSeries(IReadOnlyList<double> xs, IReadOnlyList<double> ys,
        IReadOnlyList<double> lower, IReadOnlyList<double> upper, Rgb color)
    {
        CheckSameLength(xs, ys, "ErrorBar");
        CheckSameLength(xs, lower, "ErrorBar lower bounds");
        CheckSameLength(xs, upper, "ErrorBar upper bounds");
        Xs = xs;
        Ys = ys;
        Lower = lower;
        Upper = upper;
        Color = color;
    }

    /// <summary>X values.</summary>
    public IReadOnlyList<double> Xs { get; }

    /// <summary>Central values.</summary>
    public IReadOnlyList<double> Ys { get; }

    /// <summary>Bottom end of each bar (absolute value, not an offset).</summary>
    public IReadOnlyList<double> Lower { get; }

    /// <summary>Top end of each bar (absolute value, not an offset).</summary>
    public IReadOnlyList<double> Upper { get; }

    /// <summary>Colour of bars, line and markers.</summary>
    public Rgb Color { get; set; }

    /// <summary>Join the central values with a line.</summary>
    public bool Connect { get; set; } = true;

    /// <summary>Width of the joining line and bars in pixels.</summary>
    public double Width { get; set; } = 1.5;

    /// <summary>Dash pattern of the joining line.</summary>
    public LineStyle Style { get; set; } = LineStyle.Solid;

    /// <summary>Marker at the central values.</summary>
    public Marker Marker { get; set; } = Marker.Circle;

    /// <summary>Marker width in pixels.</summary>
    public double MarkerSize { get; set; } = 5;

    /// <summary>Full width of the bar caps in pixels (0 for none).</summary>
    public double CapSize { get; set; } = 6;

    internal override (Extent? X, Extent? Y) Bounds(Scale xScale, Scale yScale)
    {
        var (x, y) = LineSeries.ShownExtents(Xs, Ys, xScale, yScale);
        var (_, lo) = LineSeries.ShownExtents(Xs, Lower, xScale, yScale);
        var (_, hi) = LineSeries.ShownExtents(Xs, Upper, xScale, yScale);
        return (x, Extent.Union(y, Extent.Union(lo, hi)));
    }

    internal override void Draw(PlotContext ctx)
    {
        var canvas = ctx.Canvas;
        if (Connect)
            foreach (var run in Runs(ctx, Xs, Ys)) canvas.DrawPolyline(run, Color, Width, Style);
        for (int i = 0; i < Xs.Count; i++)
        {
            if (!ctx.X.Scale.Accepts(Xs[i])) continue;
            double x = ctx.X.ToPixel(Xs[i]);
            if (ctx.Y.Scale.Accepts(Lower[i]) && ctx.Y.Scale.Accepts(Upper[i]))
            {
                double y0 = ctx.Y.ToPixel(Lower[i]), y1 = ctx.Y.ToPixel(Upper[i]);
                canvas.DrawLine(x, y0, x, y1, Color, Math.Max(1, Width * 0.75));
                if (CapSize > 0)
                {
                    double c = CapSize / 2;
                    canvas.DrawLine(x - c, y0, x + c, y0, Color, Math.Max(1, Width * 0.75));
                    canvas.DrawLine(x - c, y1, x + c, y1, Color, Math.Max(1, Width * 0.75));
                }
            }
            if (Marker != Marker.None && ctx.Y.Scale.Accepts(Ys[i]))
                MarkerPainter.Draw(canvas, Marker, x, ctx.Y.ToPixel(Ys[i]), MarkerSize, Color);
        }
    }

    internal override void DrawLegendKey(Canvas canvas, PixelRect key)
    {
        double cx = key.X + key.Width / 2.0, cy = key.Y + key.Height / 2.0;
        if (Connect) canvas.DrawLine(key.X + 1, cy, key.Right - 1, cy, Color, Width, Style);
        canvas.DrawLine(cx, key.Y, cx, key.Bottom, Color, Math.Max(1, Width * 0.75));
        if (Marker != Marker.None) MarkerPainter.Draw(canvas, Marker, cx, cy, MarkerSize, Color);
    }

    internal override IEnumerable<(double X, double Y)> Footprint(PlotContext ctx) =>
        Densify(Runs(ctx, Xs, Ys)).Concat(Runs(ctx, Xs, Lower).SelectMany(r => r)).Concat(Runs(ctx, Xs, Upper).SelectMany(r => r));
}
