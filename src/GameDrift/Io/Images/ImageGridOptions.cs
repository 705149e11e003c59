namespace GameDrift.Io.Images;

/// <summary>Layout settings for <see cref="ImageGrid"/>; defaults match torchvision's make_grid.</summary>
public sealed record ImageGridOptions
{
    /// <summary>Default settings.</summary>
    public static ImageGridOptions Default { get; } = new();

    /// <summary>Images per grid row (torchvision's <c>nrow</c>, i.e. the number of columns).</summary>
    public int Nrow { get; init; } = 8;

    /// <summary>Pixels of padding around and between tiles.</summary>
    public int Padding { get; init; } = 2;

    /// <summary>Byte value of padding in every channel.</summary>
    public byte PadValue { get; init; }

    /// <summary>Input value shown as 0; values below are clamped.</summary>
    public float Low { get; init; } = -1f;

    /// <summary>Input value shown as 255; values above are clamped.</summary>
    public float High { get; init; } = 1f;
}
