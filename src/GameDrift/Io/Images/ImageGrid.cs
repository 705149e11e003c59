using GameDrift.Io.Png;

namespace GameDrift.Io.Images;

/// <summary>
/// Tiles a batch of images into one picture the way torchvision.utils.make_grid followed by save_image does:
/// values in [Low, High] are clamped, scaled to 0..255 and rounded; tiles sit in a grid of <c>Nrow</c> columns
/// with <c>Padding</c> pixels around and between them.
/// </summary>
public static class ImageGrid
{
    /// <summary>
    /// Builds the grid from <paramref name="batch"/> in NCHW layout (<paramref name="channels"/> = 1 or 3).
    /// The result has the input's channel count: gray for 1, RGB for 3.
    /// </summary>
    public static PngImage Make(ReadOnlySpan<float> batch, int count, int channels, int height, int width,
        ImageGridOptions? options = null)
    {
        options ??= ImageGridOptions.Default;
        Validate(batch.Length, count, channels, height, width, options);

        int pad = options.Padding;
        int columns = Math.Min(options.Nrow, count);
        var (gridW, gridH) = Size(count, height, width, options);
        var pixels = new byte[gridW * gridH * channels];
        Array.Fill(pixels, options.PadValue);

        float scale = 1f / (options.High - options.Low);
        for (int n = 0; n < count; n++)
        {
            var (x0, y0) = TileOrigin(n, columns, height, width, pad);
            for (int c = 0; c < channels; c++)
            {
                int src = ((n * channels) + c) * height * width;
                for (int y = 0; y < height; y++)
                {
                    int dst = ((y0 + y) * gridW + x0) * channels + c;
                    for (int x = 0; x < width; x++, dst += channels)
                        pixels[dst] = ToByte(batch[src + y * width + x], options.Low, scale);
                }
            }
        }
        return new PngImage(gridW, gridH, channels, pixels);
    }

    /// <summary>Builds the grid and writes it as a PNG file.</summary>
    public static void Save(string path, ReadOnlySpan<float> batch, int count, int channels, int height, int width,
        ImageGridOptions? options = null) =>
        Make(batch, count, channels, height, width, options).Save(path);

    /// <summary>
    /// Size of the grid in pixels: <c>cols * (w + pad) + pad</c> by <c>rows * (h + pad) + pad</c>,
    /// with <c>cols = min(Nrow, count)</c> and <c>rows = ceil(count / cols)</c>.
    /// </summary>
    public static (int Width, int Height) Size(int count, int height, int width, ImageGridOptions? options = null)
    {
        options ??= ImageGridOptions.Default;
        int columns = Math.Min(options.Nrow, count);
        int rows = (count + columns - 1) / columns;
        int pad = options.Padding;
        return (columns * (width + pad) + pad, rows * (height + pad) + pad);
    }

    /// <summary>Maps a value in [-1, 1] to a byte as save_image does: clamp, scale to 0..255, round half up; NaN gives 0.</summary>
    public static byte ToByte(float value) => ToByte(value, -1f, 0.5f);

    private static byte ToByte(float value, float low, float scale)
    {
        if (float.IsNaN(value)) return 0;
        float t = Math.Clamp((value - low) * scale, 0f, 1f);
        return (byte)Math.Clamp(MathF.Floor(t * 255f + 0.5f), 0f, 255f);
    }

    private static (int X, int Y) TileOrigin(int n, int columns, int height, int width, int pad)
    {
        int row = n / columns, col = n % columns;
        return (col * (width + pad) + pad, row * (height + pad) + pad);
    }

    private static void Validate(int length, int count, int channels, int height, int width, ImageGridOptions options)
    {
        if (count < 1 || height < 1 || width < 1)
            throw new ArgumentException($"Batch shape must be positive, got N={count}, H={height}, W={width}.");
        if (channels is not (1 or 3))
            throw new ArgumentException($"Channels must be 1 (gray) or 3 (RGB), got {channels}.", nameof(channels));
        long expected = (long)count * channels * height * width;
        if (length != expected)
            throw new ArgumentException($"Batch holds {length} values but N*C*H*W = {count}*{channels}*{height}*{width} = {expected}.");
        if (options.Nrow < 1) throw new ArgumentException($"Nrow must be at least 1, got {options.Nrow}.");
        if (options.Padding < 0) throw new ArgumentException($"Padding must not be negative, got {options.Padding}.");
        if (!(options.High > options.Low)) throw new ArgumentException($"High ({options.High}) must exceed Low ({options.Low}).");
    }
}
