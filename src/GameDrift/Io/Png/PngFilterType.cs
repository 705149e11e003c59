namespace GameDrift.Io.Png;

/// <summary>PNG scanline filter types (PNG spec, section 9.2).</summary>
public enum PngFilterType : byte
{
    /// <summary>Raw bytes.</summary>
    None = 0,
    /// <summary>Difference to the byte one pixel to the left.</summary>
    Sub = 1,
    /// <summary>Difference to the byte above.</summary>
    Up = 2,
    /// <summary>Difference to the floor-average of left and above.</summary>
    Average = 3,
    /// <summary>Difference to the Paeth predictor of left, above and upper-left.</summary>
    Paeth = 4,
}
