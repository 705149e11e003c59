using GameDrift.Io.Png;
using GameDrift.Reports.Charts;
using SkiaSharp;

namespace GameDrift.Reports;

/// <summary>One picture of a montage: a label and an image (null when the cell has no sample grid yet); marked tiles
/// (diverged or failed cells) get a red label and frame.</summary>
public sealed record MontageTile(string Label, PngImage? Image, bool Marked = false);

/// <summary>A grid of sample grids, each under its label: the final samples of every sweep cell
/// side by side, labels in the charts' font. Images larger than <c>maxTile</c> pixels are shrunk by an integer factor (box average); when all are
/// smaller than <c>minTile</c> they are all enlarged by one integer factor (pixel copies), so tiny grids stay legible
/// and sizes stay comparable.</summary>
public static class SampleMontage
{
    public const int Pad = 8, LineHeight = 15, MaxLines = 3;
    private const float FontSize = 12;
    private static readonly SKColor Red = SKColor.Parse("#d62728");

    public static PngImage Render(IReadOnlyList<MontageTile> tiles, int columns = 4, int maxTile = 256, int minTile = 128)
    {
        if (tiles.Count == 0) throw new ArgumentException("a montage needs at least one tile", nameof(tiles));
        var images = tiles.Select(t => t.Image is null ? null : Shrink(t.Image, maxTile)).ToList();
        var largest = images.Max(i => i is null ? 0 : Math.Max(i.Width, i.Height));
        if (largest > 0 && largest < minTile)
            images = images.Select(i => i is null ? null : Enlarge(i, minTile / largest)).ToList();
        var (tileW, tileH) = images.Any(i => i != null)
            ? (images.Max(i => i?.Width ?? 0), images.Max(i => i?.Height ?? 0))
            : (120, 120);
        tileW = Math.Max(tileW, 120);
        int cols = Math.Min(columns, tiles.Count), rows = (tiles.Count + cols - 1) / cols;
        int labelH = MaxLines * LineHeight + 2;
        int cellW = tileW + Pad, cellH = labelH + tileH + Pad;
        using var surface = SKSurface.Create(new SKImageInfo(cols * cellW + Pad, rows * cellH + Pad, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var font = new SKFont(ChartFont.Typeface, FontSize);
        int perLine = (int)(tileW / font.MeasureText("n"));
        using var ink = new SKPaint { IsAntialias = true };
        using var frame = new SKPaint { Color = Red, Style = SKPaintStyle.Stroke, StrokeWidth = 2 };
        for (int n = 0; n < tiles.Count; n++)
        {
            int x0 = Pad + n % cols * cellW, y0 = Pad + n / cols * cellH;
            ink.Color = tiles[n].Marked ? Red : new SKColor(30, 30, 30);
            var lines = Wrap(tiles[n].Label, perLine);
            for (int l = 0; l < lines.Count; l++)
                canvas.DrawText(lines[l], x0, y0 + (l + 1) * LineHeight - 3, SKTextAlign.Left, font, ink);
            int iy = y0 + labelH;
            if (images[n] is { } img)
            {
                using var bitmap = SkiaPixels.ToBitmap(img);
                canvas.DrawBitmap(bitmap, x0, iy);
                if (tiles[n].Marked) canvas.DrawRect(x0 - 1.5f, iy - 1.5f, img.Width + 3, img.Height + 3, frame);
            }
            else
            {
                using var gray = new SKPaint { Color = new SKColor(235, 235, 235) };
                canvas.DrawRect(x0, iy, tileW, tileH, gray);
                ink.Color = new SKColor(120, 120, 120);
                canvas.DrawText("no samples", x0 + tileW / 2f, iy + tileH / 2f + FontSize / 3, SKTextAlign.Center, font, ink);
            }
        }
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        return PngDecoder.Decode(data.ToArray());
    }

    /// <summary>Splits <paramref name="text"/> into at most <see cref="MaxLines"/> lines of at most
    /// <paramref name="width"/> characters, breaking after spaces, commas, slashes, underscores or hyphens when it can;
    /// text that does not fit ends in "..".</summary>
    public static IReadOnlyList<string> Wrap(string text, int width)
    {
        width = Math.Max(width, 4);
        var lines = new List<string>();
        var rest = text.Trim();
        while (rest.Length > 0 && lines.Count < MaxLines)
        {
            if (rest.Length <= width) { lines.Add(rest); rest = ""; break; }
            int cut = rest.LastIndexOfAny([' ', ',', '/', '_', '-'], width - 1);
            cut = cut > 0 ? cut + 1 : width;
            lines.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }
        if (rest.Length > 0)
        {
            var last = lines[^1];
            lines[^1] = (last.Length + 2 > width ? last[..(width - 2)] : last) + "..";
        }
        return lines;
    }

    /// <summary>Each pixel becomes a <paramref name="factor"/> x <paramref name="factor"/> block.</summary>
    public static PngImage Enlarge(PngImage img, int factor)
    {
        if (factor <= 1) return img;
        int w = img.Width * factor, h = img.Height * factor, ch = img.Channels;
        var pixels = new byte[w * h * ch];
        for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            Array.Copy(img.Pixels, img.IndexOf(x / factor, y / factor), pixels, (y * w + x) * ch, ch);
        return new PngImage(w, h, ch, pixels);
    }

    /// <summary>Shrinks by the smallest integer factor that fits <paramref name="maxSize"/>, averaging each block
    /// (alpha, if any, is dropped).</summary>
    public static PngImage Shrink(PngImage img, int maxSize)
    {
        int f = (Math.Max(img.Width, img.Height) + maxSize - 1) / maxSize;
        int ch = img.Channels >= 3 ? 3 : 1;
        if (f <= 1 && ch == img.Channels) return img;
        f = Math.Max(f, 1);
        int w = Math.Max(1, img.Width / f), h = Math.Max(1, img.Height / f);
        var pixels = new byte[w * h * ch];
        for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
        for (int c = 0; c < ch; c++)
        {
            int sum = 0;
            for (int dy = 0; dy < f; dy++)
            for (int dx = 0; dx < f; dx++) sum += img[x * f + dx, y * f + dy, c];
            pixels[(y * w + x) * ch + c] = (byte)((sum + f * f / 2) / (f * f));
        }
        return new PngImage(w, h, ch, pixels);
    }
}
