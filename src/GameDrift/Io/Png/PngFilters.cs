namespace GameDrift.Io.Png;

/// <summary>Applies and reverses PNG scanline filters on one row at a time.</summary>
internal static class PngFilters
{
    /// <summary>
    /// Filters <paramref name="row"/> into <paramref name="output"/> (same length) given the previous
    /// raw row <paramref name="prior"/> (all zero for the first row) and bytes per pixel <paramref name="bpp"/>.
    /// </summary>
    public static void Apply(PngFilterType type, ReadOnlySpan<byte> row, ReadOnlySpan<byte> prior, int bpp, Span<byte> output)
    {
        for (int i = 0; i < row.Length; i++)
        {
            byte a = i >= bpp ? row[i - bpp] : (byte)0;
            byte b = prior[i];
            byte c = i >= bpp ? prior[i - bpp] : (byte)0;
            output[i] = (byte)(row[i] - Predict(type, a, b, c));
        }
    }

    /// <summary>Reverses a filter in place; <paramref name="prior"/> is the previous already-unfiltered row.</summary>
    public static void Undo(PngFilterType type, Span<byte> row, ReadOnlySpan<byte> prior, int bpp)
    {
        switch (type)
        {
            case PngFilterType.None:
                return;
            case PngFilterType.Sub:
                for (int i = bpp; i < row.Length; i++) row[i] += row[i - bpp];
                return;
            case PngFilterType.Up:
                for (int i = 0; i < row.Length; i++) row[i] += prior[i];
                return;
            default:
                // Average and Paeth need all three neighbours; the generic path is fast enough for our sizes.
                for (int i = 0; i < row.Length; i++)
                {
                    byte a = i >= bpp ? row[i - bpp] : (byte)0;
                    byte c = i >= bpp ? prior[i - bpp] : (byte)0;
                    row[i] += Predict(type, a, prior[i], c);
                }
                return;
        }
    }

    /// <summary>The predictor of a filter type for left <paramref name="a"/>, above <paramref name="b"/>, upper-left <paramref name="c"/>.</summary>
    public static byte Predict(PngFilterType type, byte a, byte b, byte c) => type switch
    {
        PngFilterType.None => 0,
        PngFilterType.Sub => a,
        PngFilterType.Up => b,
        PngFilterType.Average => (byte)((a + b) >> 1),
        PngFilterType.Paeth => Paeth(a, b, c),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown PNG filter type."),
    };

    /// <summary>The Paeth predictor: whichever of a, b, c is closest to a + b - c (ties prefer a, then b).</summary>
    public static byte Paeth(byte a, byte b, byte c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        if (pa <= pb && pa <= pc) return a;
        return pb <= pc ? b : c;
    }
}
