namespace GameDrift.Io.Plots;

/// <summary>
/// Maps data values on one axis to continuous pixel coordinates: <see cref="Min"/> lands on
/// <see cref="PixelAtMin"/> and <see cref="Max"/> on <see cref="PixelAtMax"/> (either may be the larger pixel).
/// </summary>
public sealed record AxisMap(Scale Scale, double Min, double Max, double PixelAtMin, double PixelAtMax)
{
    /// <summary>Pixel coordinate of data value <paramref name="v"/> (extrapolates outside the limits).</summary>
    public double ToPixel(double v)
    {
        double t0 = Scale.Transform(Min), t1 = Scale.Transform(Max);
        return PixelAtMin + (Scale.Transform(v) - t0) / (t1 - t0) * (PixelAtMax - PixelAtMin);
    }

    /// <summary>Data value at pixel coordinate <paramref name="p"/>.</summary>
    public double FromPixel(double p)
    {
        double t0 = Scale.Transform(Min), t1 = Scale.Transform(Max);
        return Scale.Inverse(t0 + (p - PixelAtMin) / (PixelAtMax - PixelAtMin) * (t1 - t0));
    }
}
