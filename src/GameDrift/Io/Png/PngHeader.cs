using System.Buffers.Binary;

namespace GameDrift.Io.Png;

/// <summary>The parsed and validated IHDR chunk.</summary>
internal readonly record struct PngHeader(int Width, int Height, int BitDepth, int ColorType)
{
    public const int ColorGray = 0, ColorRgb = 2, ColorPalette = 3, ColorGrayAlpha = 4, ColorRgba = 6;

    /// <summary>Samples per pixel as stored in the file (palette = 1 index).</summary>
    public int SamplesPerPixel => ColorType switch
    {
        ColorGray or ColorPalette => 1,
        ColorGrayAlpha => 2,
        ColorRgb => 3,
        _ => 4,
    };

    /// <summary>Bytes per complete scanline, without the filter byte.</summary>
    public long Stride => ((long)Width * SamplesPerPixel * BitDepth + 7) / 8;

    /// <summary>Filter distance: bytes per pixel, rounded up to 1 for sub-byte depths.</summary>
    public int FilterBpp => Math.Max(1, SamplesPerPixel * BitDepth / 8);

    public static PngHeader Parse(ReadOnlySpan<byte> d)
    {
        if (d.Length != 13)
            throw new InvalidDataException($"Invalid PNG: IHDR must be 13 bytes, got {d.Length}.");
        uint w = BinaryPrimitives.ReadUInt32BigEndian(d);
        uint h = BinaryPrimitives.ReadUInt32BigEndian(d[4..]);
        if (w == 0 || h == 0 || w > int.MaxValue || h > int.MaxValue)
            throw new InvalidDataException($"Invalid PNG: image size {w}x{h} is out of range.");
        int depth = d[8], colorType = d[9];
        bool depthOk = colorType switch
        {
            ColorGray => depth is 1 or 2 or 4 or 8 or 16,
            ColorPalette => depth is 1 or 2 or 4 or 8,
            ColorRgb or ColorGrayAlpha or ColorRgba => depth is 8 or 16,
            _ => throw new InvalidDataException($"Invalid PNG: unknown colour type {colorType}."),
        };
        if (!depthOk)
            throw new InvalidDataException($"Invalid PNG: bit depth {depth} is not allowed for colour type {colorType}.");
        if (depth == 16)
            throw new InvalidDataException("Unsupported PNG: 16-bit samples are not supported (only 8-bit and palette images).");
        if (d[10] != 0)
            throw new InvalidDataException($"Invalid PNG: unknown compression method {d[10]}.");
        if (d[11] != 0)
            throw new InvalidDataException($"Invalid PNG: unknown filter method {d[11]}.");
        if (d[12] == 1)
            throw new InvalidDataException("Unsupported PNG: interlaced (Adam7) images are not supported.");
        if (d[12] != 0)
            throw new InvalidDataException($"Invalid PNG: unknown interlace method {d[12]}.");
        return new PngHeader((int)w, (int)h, depth, colorType);
    }
}
