using GameDrift.Io.Png;
using GameDrift.Io.Text;

namespace GameDrift.Io.Plots;

/// <summary>
/// An RGB raster with simple drawing primitives. Coordinates are continuous: pixel (i, j) covers
/// [i, i+1) x [j, j+1), so a 1-px line through y = j + 0.5 fills exactly row j.
/// Drawing is limited to <see cref="Clip"/>.
/// </summary>
public sealed class Canvas
{
    private PixelRect clip;
    private CoverageBuffer? coverage;

    /// <summary>Creates a canvas filled with <paramref name="background"/> (white by default).</summary>
    public Canvas(int width, int height, Rgb? background = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        Width = width;
        Height = height;
        Pixels = new byte[width * height * 3];
        clip = Bounds;
        Clear(background ?? Rgb.White);
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Interleaved RGB bytes, row-major, top row first.</summary>
    public byte[] Pixels { get; }

    /// <summary>Smooth edges on lines and circles (default); off gives hard 0/1 coverage.</summary>
    public bool Antialias { get; set; } = true;

    /// <summary>The whole canvas.</summary>
    public PixelRect Bounds => new(0, 0, Width, Height);

    /// <summary>Drawing outside this rectangle is discarded; setting it intersects with <see cref="Bounds"/>.</summary>
    public PixelRect Clip
    {
        get => clip;
        set => clip = value.Intersect(Bounds);
    }

    /// <summary>Restores the clip to the whole canvas.</summary>
    public void ResetClip() => clip = Bounds;

    /// <summary>The colour of pixel (x, y).</summary>
    public Rgb GetPixel(int x, int y)
    {
        int i = Index(x, y);
        return new Rgb(Pixels[i], Pixels[i + 1], Pixels[i + 2]);
    }

    /// <summary>Sets pixel (x, y) when it lies inside the clip.</summary>
    public void SetPixel(int x, int y, Rgb c)
    {
        if (!clip.Contains(x, y)) return;
        int i = Index(x, y);
        Pixels[i] = c.R;
        Pixels[i + 1] = c.G;
        Pixels[i + 2] = c.B;
    }

    /// <summary>Mixes <paramref name="c"/> into pixel (x, y) with opacity <paramref name="alpha"/> in [0, 1].</summary>
    public void BlendPixel(int x, int y, Rgb c, double alpha)
    {
        if (clip.Contains(x, y)) Blend(Pixels, Index(x, y), c, alpha);
    }

    /// <summary>Fills the whole canvas, ignoring the clip.</summary>
    public void Clear(Rgb c)
    {
        for (int i = 0; i < Pixels.Length; i += 3)
        {
            Pixels[i] = c.R;
            Pixels[i + 1] = c.G;
            Pixels[i + 2] = c.B;
        }
    }

    /// <summary>Fills a pixel rectangle, optionally translucent.</summary>
    public void FillRect(PixelRect r, Rgb c, double alpha = 1)
    {
        PixelRect a = r.Intersect(clip);
        for (int y = a.Y; y < a.Bottom; y++)
        for (int x = a.X; x < a.Right; x++)
            Blend(Pixels, Index(x, y), c, alpha);
    }

    /// <summary>Draws a 1-px outline along the inside edge of <paramref name="r"/>.</summary>
    public void DrawRect(PixelRect r, Rgb c)
    {
        if (r.Width <= 0 || r.Height <= 0) return;
        DrawHLine(r.X, r.Right - 1, r.Y, c);
        DrawHLine(r.X, r.Right - 1, r.Bottom - 1, c);
        DrawVLine(r.X, r.Y, r.Bottom - 1, c);
        DrawVLine(r.Right - 1, r.Y, r.Bottom - 1, c);
    }

    /// <summary>A crisp 1-px horizontal run of row <paramref name="y"/> from column x0 to x1 inclusive.</summary>
    public void DrawHLine(int x0, int x1, int y, Rgb c, double alpha = 1)
    {
        if (x0 > x1) (x0, x1) = (x1, x0);
        for (int x = x0; x <= x1; x++) BlendPixel(x, y, c, alpha);
    }

    /// <summary>A crisp 1-px vertical run of column <paramref name="x"/> from row y0 to y1 inclusive.</summary>
    public void DrawVLine(int x, int y0, int y1, Rgb c, double alpha = 1)
    {
        if (y0 > y1) (y0, y1) = (y1, y0);
        for (int y = y0; y <= y1; y++) BlendPixel(x, y, c, alpha);
    }

    /// <summary>Strokes a straight segment with round caps.</summary>
    public void DrawLine(double x0, double y0, double x1, double y1, Rgb c, double width = 1, LineStyle style = LineStyle.Solid) =>
        DrawPolyline([(x0, y0), (x1, y1)], c, width, style);

    /// <summary>Strokes connected segments with round joins; the whole stroke is blended once.</summary>
    public void DrawPolyline(ReadOnlySpan<(double X, double Y)> points, Rgb c, double width = 1,
        LineStyle style = LineStyle.Solid, double alpha = 1)
    {
        if (points.Length == 0) return;
        var buffer = Coverage();
        double hw = width / 2;
        if (points.Length == 1)
        {
            RasterizeSegment(buffer, points[0], points[0], hw);
        }
        else
        {
            foreach (var (a, b) in Dashes.Split(points, style, width))
                RasterizeSegment(buffer, a, b, hw);
        }
        buffer.Commit(Pixels, c, alpha);
    }

    /// <summary>Fills a disc centred at (cx, cy).</summary>
    public void FillCircle(double cx, double cy, double radius, Rgb c, double alpha = 1)
    {
        var buffer = Coverage();
        RasterizeSegment(buffer, (cx, cy), (cx, cy), radius);
        buffer.Commit(Pixels, c, alpha);
    }

    /// <summary>Size in pixels of <paramref name="text"/> drawn with the built-in font.</summary>
    public static (int Width, int Height) MeasureText(string text, int scale = 1) =>
        (BitmapFont.MeasureWidth(text, scale), BitmapFont.MeasureHeight(scale));

    /// <summary>
    /// Draws <paramref name="text"/> with the built-in font, anchored at (x, y) by the given alignment.
    /// <see cref="VAlign.Middle"/> centres the glyph body (capitals and digits), not the descender.
    /// With <paramref name="vertical"/> the text reads bottom-to-top (rotated 90 degrees counter-clockwise).
    /// </summary>
    public void DrawText(double x, double y, string text, Rgb c, int scale = 1,
        HAlign h = HAlign.Left, VAlign v = VAlign.Top, bool vertical = false)
    {
        if (string.IsNullOrEmpty(text)) return;
        int along = BitmapFont.MeasureWidth(text, scale);
        int across = BitmapFont.MeasureHeight(scale);
        int body = BitmapFont.Ascent * scale;
        int boxW = vertical ? across : along;
        int boxH = vertical ? along : across;
        // For vertical text the glyph body lies on the right of the box (the descender side is left).
        double hCenter = vertical ? across - body / 2.0 : boxW / 2.0;
        double vCenter = vertical ? boxH / 2.0 : body / 2.0;
        int left = (int)Math.Round(x - h switch { HAlign.Left => 0, HAlign.Center => hCenter, _ => boxW });
        int top = (int)Math.Round(y - v switch { VAlign.Top => 0, VAlign.Middle => vCenter, _ => boxH });
        if (vertical)
            BitmapFont.Render(text, scale, (tx, ty) => SetPixel(left + ty, top + along - 1 - tx, c));
        else
            BitmapFont.Render(text, scale, (tx, ty) => SetPixel(left + tx, top + ty, c));
    }

    /// <summary>Copies <paramref name="source"/> with its top-left at (x, y), honouring the clip.</summary>
    public void Blit(Canvas source, int x, int y)
    {
        PixelRect dst = new PixelRect(x, y, source.Width, source.Height).Intersect(clip);
        for (int row = dst.Y; row < dst.Bottom; row++)
            Buffer.BlockCopy(source.Pixels, source.Index(dst.X - x, row - y), Pixels, Index(dst.X, row), dst.Width * 3);
    }

    /// <summary>The canvas as a 3-channel image (the pixel buffer is copied).</summary>
    public PngImage ToImage() => new(Width, Height, 3, (byte[])Pixels.Clone());

    /// <summary>Writes the canvas as a PNG file.</summary>
    public void Save(string path) => PngEncoder.Save(new PngImage(Width, Height, 3, Pixels), path);

    internal static void Blend(byte[] pixels, int i, Rgb c, double alpha)
    {
        if (alpha >= 1)
        {
            pixels[i] = c.R;
            pixels[i + 1] = c.G;
            pixels[i + 2] = c.B;
            return;
        }
        if (alpha <= 0) return;
        pixels[i] = Mix(pixels[i], c.R, alpha);
        pixels[i + 1] = Mix(pixels[i + 1], c.G, alpha);
        pixels[i + 2] = Mix(pixels[i + 2], c.B, alpha);
    }

    private static byte Mix(byte bg, byte fg, double a) => (byte)Math.Round(bg + (fg - bg) * a);

    private int Index(int x, int y)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
            throw new ArgumentOutOfRangeException(nameof(x), $"Pixel ({x}, {y}) is outside the {Width}x{Height} canvas.");
        return (y * Width + x) * 3;
    }

    private CoverageBuffer Coverage() => coverage ??= new CoverageBuffer(Width, Height);

    // Coverage of a capsule (segment a-b thickened by hw) at each pixel centre, scanning only rows and
    // columns that can be within reach so long strokes stay cheap.
    private void RasterizeSegment(CoverageBuffer buffer, (double X, double Y) a, (double X, double Y) b, double hw)
    {
        if (!double.IsFinite(a.X) || !double.IsFinite(a.Y) || !double.IsFinite(b.X) || !double.IsFinite(b.Y)) return;
        double reach = hw + 1;
        int yMin = Math.Max(clip.Y, (int)Math.Floor(Math.Min(a.Y, b.Y) - reach));
        int yMax = Math.Min(clip.Bottom - 1, (int)Math.Ceiling(Math.Max(a.Y, b.Y) + reach));
        int xMinBox = Math.Max(clip.X, (int)Math.Floor(Math.Min(a.X, b.X) - reach));
        int xMaxBox = Math.Min(clip.Right - 1, (int)Math.Ceiling(Math.Max(a.X, b.X) + reach));
        double dx = b.X - a.X, dy = b.Y - a.Y;
        double len2 = dx * dx + dy * dy;
        double len = Math.Sqrt(len2);
        for (int py = yMin; py <= yMax; py++)
        {
            double cy = py + 0.5;
            int x0 = xMinBox, x1 = xMaxBox;
            if (Math.Abs(dy) > 1e-9 * Math.Max(1, len))
            {
                // Within the band around the infinite line, which contains the capsule.
                double xc = a.X + (cy - a.Y) * dx / dy;
                double span = reach * len / Math.Abs(dy);
                x0 = Math.Max(x0, (int)Math.Floor(xc - span));
                x1 = Math.Min(x1, (int)Math.Ceiling(xc + span));
            }
            for (int px = x0; px <= x1; px++)
            {
                double cx = px + 0.5;
                double t = len2 > 0 ? Math.Clamp(((cx - a.X) * dx + (cy - a.Y) * dy) / len2, 0, 1) : 0;
                double ex = cx - (a.X + t * dx), ey = cy - (a.Y + t * dy);
                double d = Math.Sqrt(ex * ex + ey * ey);
                double cov = Antialias ? Math.Clamp(hw + 0.5 - d, 0, 1) : (d <= hw ? 1 : 0);
                if (cov > 0) buffer.Add(px, py, (float)cov);
            }
        }
    }
}
