namespace GameDrift.Io.Plots;

/// <summary>A translucent filled region between two curves over the same x values (like fill_between).</summary>
public sealed class BandSeries : Series
{
    internal BandSeries(IReadOnlyList<double> xs, IReadOnlyList<double> lower, IReadOnlyList<double> upper, Rgb color)
    {
        CheckSameLength(xs, lower, "Band lower curve");
        CheckSameLength(xs, upper, "Band upper curve");
        Xs = xs;
        Lower = lower;
        Upper = upper;
        Color = color;
    }

    /// <summary>X values, in increasing or decreasing order.</summary>
    public IReadOnlyList<double> Xs { get; }

    /// <summary>Bottom curve.</summary>
    public IReadOnlyList<double> Lower { get; }

    /// <summary>Top curve.</summary>
    public IReadOnlyList<double> Upper { get; }

    /// <summary>Fill colour.</summary>
    public Rgb Color { get; set; }

    /// <summary>Fill opacity.</summary>
    public double Alpha { get; set; } = 0.25;

    internal override (Extent? X, Extent? Y) Bounds(Scale xScale, Scale yScale)
    {
        var (x, lo) = LineSeries.ShownExtents(Xs, Lower, xScale, yScale);
        var (_, hi) = LineSeries.ShownExtents(Xs, Upper, xScale, yScale);
        return (x, Extent.Union(lo, hi));
    }

    internal override void Draw(PlotContext ctx)
    {
        // Each pixel column is filled once, by the interval whose x range holds its centre.
        for (int i = 0; i + 1 < Xs.Count; i++)
        {
            if (!ctx.Accepts(Xs[i], Lower[i]) || !ctx.Accepts(Xs[i], Upper[i])
                || !ctx.Accepts(Xs[i + 1], Lower[i + 1]) || !ctx.Accepts(Xs[i + 1], Upper[i + 1])) continue;
            var (xa, la) = ctx.ToPixel(Xs[i], Lower[i]);
            var (xb, lb) = ctx.ToPixel(Xs[i + 1], Lower[i + 1]);
            double ua = ctx.Y.ToPixel(Upper[i]), ub = ctx.Y.ToPixel(Upper[i + 1]);
            if (xb < xa) (xa, xb, la, lb, ua, ub) = (xb, xa, lb, la, ub, ua);
            int c0 = Math.Max(ctx.Area.X, (int)Math.Ceiling(xa - 0.5));
            int c1 = Math.Min(ctx.Area.Right - 1, (int)Math.Ceiling(xb - 0.5) - 1);
            for (int col = c0; col <= c1; col++)
            {
                double t = xb > xa ? (col + 0.5 - xa) / (xb - xa) : 0;
                double yl = la + (lb - la) * t, yu = ua + (ub - ua) * t;
                FillSpan(ctx, col, Math.Min(yl, yu), Math.Max(yl, yu));
            }
        }
    }

    // Fills rows between y0 and y1 of one column; the end rows get partial coverage so edges are smooth.
    private void FillSpan(PlotContext ctx, int col, double y0, double y1)
    {
        int top = Math.Max(ctx.Area.Y, (int)Math.Floor(y0));
        int bottom = Math.Min(ctx.Area.Bottom - 1, (int)Math.Ceiling(y1) - 1);
        for (int row = top; row <= bottom; row++)
        {
            double cover = Math.Min(row + 1, y1) - Math.Max(row, y0);
            if (cover > 0) ctx.Canvas.BlendPixel(col, row, Color, Alpha * Math.Min(1, cover));
        }
    }

    internal override void DrawLegendKey(Canvas canvas, PixelRect key) =>
        canvas.FillRect(new PixelRect(key.X + 2, key.Y + 1, key.Width - 4, key.Height - 2), Color, Math.Max(Alpha, 0.4));
}
