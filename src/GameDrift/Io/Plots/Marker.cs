namespace GameDrift.Io.Plots;

/// <summary>Point marker shapes.</summary>
public enum Marker
{
    /// <summary>No marker.</summary>
    None,
    /// <summary>Filled disc.</summary>
    Circle,
    /// <summary>Filled square.</summary>
    Square,
    /// <summary>Plus sign.</summary>
    Plus,
    /// <summary>Diagonal cross.</summary>
    Cross,
}

/// <summary>Draws markers centred on a point; size is the marker's full width in pixels.</summary>
internal static class MarkerPainter
{
    public static void Draw(Canvas canvas, Marker marker, double x, double y, double size, Rgb color, double alpha = 1)
    {
        double r = size / 2;
        switch (marker)
        {
            case Marker.Circle:
                canvas.FillCircle(x, y, r, color, alpha);
                break;
            case Marker.Square:
                int side = Math.Max(1, (int)Math.Round(size));
                canvas.FillRect(new PixelRect((int)Math.Round(x - side / 2.0), (int)Math.Round(y - side / 2.0), side, side), color, alpha);
                break;
            case Marker.Plus:
                canvas.DrawLine(x - r, y, x + r, y, color, Math.Max(1, size / 4));
                canvas.DrawLine(x, y - r, x, y + r, color, Math.Max(1, size / 4));
                break;
            case Marker.Cross:
                double d = r * 0.8;
                canvas.DrawLine(x - d, y - d, x + d, y + d, color, Math.Max(1, size / 4));
                canvas.DrawLine(x - d, y + d, x + d, y - d, color, Math.Max(1, size / 4));
                break;
        }
    }
}
