using System.IO.Compression;

namespace GameDrift.Io.Png;

/// <summary>Settings for <see cref="PngEncoder"/>.</summary>
public sealed record PngEncoderOptions
{
    /// <summary>Default settings: adaptive filtering, optimal compression.</summary>
    public static PngEncoderOptions Default { get; } = new();

    /// <summary>
    /// Filter used for every row; <c>null</c> (default) picks per row the filter with the smallest
    /// sum of absolute filtered bytes, the usual cheap heuristic for good compression.
    /// </summary>
    public PngFilterType? Filter { get; init; }

    /// <summary>zlib compression level.</summary>
    public CompressionLevel Compression { get; init; } = CompressionLevel.Optimal;
}
