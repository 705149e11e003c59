namespace GameDrift.Io.Plots;

/// <summary>What a series needs to draw itself: the canvas (clipped to the plot area) and the axis mappings.</summary>
internal sealed record PlotContext(Canvas Canvas, AxisMap X, AxisMap Y, PixelRect Area)
{
    public (double X, double Y) ToPixel(double x, double y) => (X.ToPixel(x), Y.ToPixel(y));

    /// <summary>Whether the point can be shown on the current scales.</summary>
    public bool Accepts(double x, double y) => X.Scale.Accepts(x) && Y.Scale.Accepts(y);
}
