using GameDrift.Io.Plots;
using GameDrift.Io.Png;
using GameDrift.Io.Text;

namespace GameDrift.Reports;

/// <summary>One picture of a montage: a label and an image (null when the cell has no sample grid yet); marked tiles
/// (diverged or failed cells) get a red label and frame.</summary>
public sealed record MontageTile(string Label, PngImage? Image, bool Marked = false);

/// <summary>A grid of sample grids, each under its label in the built-in font: the final samples of every sweep cell
/// side by side. Images larger than <c>maxTile</c> pixels are shrunk by an integer factor (box average); when all are
/// smaller than <c>minTile</c> they are all enlarged by one integer factor (pixel copies), so tiny grids stay legible
/// and sizes stay comparable.</summary>
public static class SampleMontage
{
    public const int Pad = 8, LineHeight = BitmapFont.GlyphHeight + 2, MaxLines = 3;
    private static readonly Rgb Red = Rgb.FromHex("#d62728");

    public static Canvas Render(IReadOnlyList<MontageTile> tiles, int columns = 4, int maxTile = 256, int minTile = 128)
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
        var canvas = new Canvas(cols * cellW + Pad, rows * cellH + Pad);
        for (int n = 0; n < tiles.Count; n++)
        {
            int x0 = Pad + n % cols * cellW, y0 = Pad + n / cols * cellH;
            var ink = tiles[n].Marked ? Red : Rgb.Gray(30);
            var lines = Wrap(tiles[n].Label, tileW / BitmapFont.Advance);
            for (int l = 0; l < lines.Count; l++)
                canvas.DrawText(x0, y0 + l * LineHeight, lines[l], ink);
            int iy = y0 + labelH;
            if (images[n] is { } img)
            {
                Draw(canvas, img, x0, iy);
                if (tiles[n].Marked)
                    for (int k = 1; k <= 2; k++) canvas.DrawRect(new PixelRect(x0 - k, iy - k, img.Width + 2 * k, img.Height + 2 * k), Red);
            }
            else
            {
                canvas.FillRect(new PixelRect(x0, iy, tileW, tileH), Rgb.Gray(235));
                canvas.DrawText(x0 + tileW / 2.0, iy + tileH / 2.0, "no samples", Rgb.Gray(120), 1, HAlign.Center, VAlign.Middle);
            }
        }
        return canvas;
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

    private static void Draw(Canvas canvas, PngImage img, int x0, int y0)
    {
        for (int y = 0; y < img.Height; y++)
        for (int x = 0; x < img.Width; x++)
        {
            int i = img.IndexOf(x, y);
            var c = img.Channels >= 3 ? new Rgb(img.Pixels[i], img.Pixels[i + 1], img.Pixels[i + 2]) : Rgb.Gray(img.Pixels[i]);
            canvas.SetPixel(x0 + x, y0 + y, c);
        }
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
