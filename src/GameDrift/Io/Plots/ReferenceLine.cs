namespace GameDrift.Io.Plots;

/// <summary>A horizontal or vertical line across the whole plot area (thresholds, targets); it does not affect autoscaling.</summary>
public sealed class ReferenceLine : Series
{
    internal ReferenceLine(bool horizontal, double value, Rgb color)
    {
        Horizontal = horizontal;
        Value = value;
        Color = color;
    }

    /// <summary>True for a line at constant y, false for constant x.</summary>
    public bool Horizontal { get; }

    /// <summary>The constant coordinate.</summary>
    public double Value { get; }

    /// <summary>Stroke colour.</summary>
    public Rgb Color { get; set; }

    /// <summary>Stroke width in pixels.</summary>
    public double Width { get; set; } = 1;

    /// <summary>Dash pattern.</summary>
    public LineStyle Style { get; set; } = LineStyle.Dashed;

    internal override (Extent? X, Extent? Y) Bounds(Scale xScale, Scale yScale) => (null, null);

    internal override void Draw(PlotContext ctx)
    {
        var a = ctx.Area;
        if (Horizontal && ctx.Y.Scale.Accepts(Value))
        {
            double y = ctx.Y.ToPixel(Value);
            ctx.Canvas.DrawLine(a.X, y, a.Right, y, Color, Width, Style);
        }
        else if (!Horizontal && ctx.X.Scale.Accepts(Value))
        {
            double x = ctx.X.ToPixel(Value);
            ctx.Canvas.DrawLine(x, a.Y, x, a.Bottom, Color, Width, Style);
        }
    }

    internal override void DrawLegendKey(Canvas canvas, PixelRect key)
    {
        double y = key.Y + key.Height / 2.0;
        canvas.DrawLine(key.X + 1, y, key.Right - 1, y, Color, Width, Style);
    }
}
