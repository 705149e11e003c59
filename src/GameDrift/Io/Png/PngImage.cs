namespace GameDrift.Io.Png;

/// <summary>
/// An 8-bit image with interleaved channels, row-major, top row first.
/// Channels: 1 = gray, 2 = gray + alpha, 3 = RGB, 4 = RGBA.
/// </summary>
/// <remarks>Record equality compares <see cref="Pixels"/> by reference; use <see cref="SamePixels"/> for content.</remarks>
public sealed record PngImage
{
    /// <summary>Creates an image, checking that the buffer size matches the dimensions.</summary>
    public PngImage(int width, int height, int channels, byte[] pixels)
    {
        if (width <= 0 || height <= 0)
            throw new ArgumentOutOfRangeException(nameof(width), $"Image size must be positive, got {width}x{height}.");
        if (channels is < 1 or > 4)
            throw new ArgumentOutOfRangeException(nameof(channels), $"Channels must be 1..4, got {channels}.");
        ArgumentNullException.ThrowIfNull(pixels);
        long expected = (long)width * height * channels;
        if (pixels.Length != expected)
            throw new ArgumentException($"Pixel buffer has {pixels.Length} bytes, expected {expected} for {width}x{height}x{channels}.", nameof(pixels));
        Width = width;
        Height = height;
        Channels = channels;
        Pixels = pixels;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Interleaved channel count (1..4).</summary>
    public int Channels { get; }

    /// <summary>Pixel bytes, <c>Width * Height * Channels</c> long.</summary>
    public byte[] Pixels { get; }

    /// <summary>Byte offset of pixel (x, y) in <see cref="Pixels"/>.</summary>
    public int IndexOf(int x, int y) => (y * Width + x) * Channels;

    /// <summary>Channel <paramref name="c"/> of pixel (x, y).</summary>
    public byte this[int x, int y, int c] => Pixels[IndexOf(x, y) + c];

    /// <summary>True when both images have the same shape and pixel bytes.</summary>
    public bool SamePixels(PngImage other) =>
        Width == other.Width && Height == other.Height && Channels == other.Channels
        && Pixels.AsSpan().SequenceEqual(other.Pixels);

    /// <summary>Encodes this image as PNG and writes it to <paramref name="path"/>.</summary>
    public void Save(string path) => PngEncoder.Save(this, path);

    /// <summary>Reads and decodes the PNG file at <paramref name="path"/>.</summary>
    public static PngImage Load(string path) => PngDecoder.Load(path);
}
