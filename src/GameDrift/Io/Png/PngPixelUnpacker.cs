namespace GameDrift.Io.Png;

/// <summary>Turns unfiltered scanlines into 8-bit interleaved pixels (unpacking low depths, expanding palettes).</summary>
internal static class PngPixelUnpacker
{
    /// <param name="raw">Unfiltered scanlines, each preceded by its filter byte.</param>
    public static PngImage Unpack(byte[] raw, PngHeader h, byte[]? palette, byte[]? paletteAlpha)
    {
        int stride = (int)h.Stride;
        if (h.ColorType == PngHeader.ColorPalette)
            return ExpandPalette(raw, h, stride, palette!, paletteAlpha);

        int channels = h.SamplesPerPixel;
        var pixels = new byte[(long)h.Width * h.Height * channels];
        int rowBytes = h.Width * channels;
        for (int y = 0; y < h.Height; y++)
        {
            int src = y * (stride + 1) + 1;
            if (h.BitDepth == 8)
            {
                Buffer.BlockCopy(raw, src, pixels, y * rowBytes, rowBytes);
                continue;
            }
            // Low-depth gray: replicate to the full 0..255 range (e.g. 1-bit 1 -> 255).
            int scale = 255 / ((1 << h.BitDepth) - 1);
            for (int x = 0; x < h.Width; x++)
                pixels[y * rowBytes + x] = (byte)(Sample(raw, src, x, h.BitDepth) * scale);
        }
        return new PngImage(h.Width, h.Height, channels, pixels);
    }

    private static PngImage ExpandPalette(byte[] raw, PngHeader h, int stride, byte[] palette, byte[]? alpha)
    {
        int entries = palette.Length / 3;
        int channels = alpha is null ? 3 : 4;
        var pixels = new byte[(long)h.Width * h.Height * channels];
        int o = 0;
        for (int y = 0; y < h.Height; y++)
        {
            int src = y * (stride + 1) + 1;
            for (int x = 0; x < h.Width; x++)
            {
                int index = Sample(raw, src, x, h.BitDepth);
                if (index >= entries)
                    throw new InvalidDataException($"Corrupt PNG: palette index {index} at ({x}, {y}) exceeds the {entries}-entry palette.");
                pixels[o++] = palette[3 * index];
                pixels[o++] = palette[3 * index + 1];
                pixels[o++] = palette[3 * index + 2];
                // tRNS may list fewer entries than the palette; the rest are opaque.
                if (alpha is not null) pixels[o++] = index < alpha.Length ? alpha[index] : (byte)255;
            }
        }
        return new PngImage(h.Width, h.Height, channels, pixels);
    }

    // Sample x of a row of single-sample pixels packed most-significant-bit first.
    private static int Sample(byte[] raw, int rowStart, int x, int depth)
    {
        if (depth == 8) return raw[rowStart + x];
        int bit = x * depth;
        int shift = 8 - depth - (bit & 7);
        return (raw[rowStart + (bit >> 3)] >> shift) & ((1 << depth) - 1);
    }
}
