namespace GameDrift.Io.Plots;

/// <summary>An integer pixel rectangle: columns X..X+Width-1, rows Y..Y+Height-1.</summary>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    /// <summary>One past the last column.</summary>
    public int Right => X + Width;

    /// <summary>One past the last row.</summary>
    public int Bottom => Y + Height;

    /// <summary>True when pixel (x, y) lies inside.</summary>
    public bool Contains(int x, int y) => x >= X && x < Right && y >= Y && y < Bottom;

    /// <summary>The overlap of two rectangles (empty when they do not meet).</summary>
    public PixelRect Intersect(PixelRect o)
    {
        int x0 = Math.Max(X, o.X), y0 = Math.Max(Y, o.Y);
        int x1 = Math.Min(Right, o.Right), y1 = Math.Min(Bottom, o.Bottom);
        return new PixelRect(x0, y0, Math.Max(0, x1 - x0), Math.Max(0, y1 - y0));
    }
}
