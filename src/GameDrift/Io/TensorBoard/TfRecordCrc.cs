using System.IO.Hashing;

namespace GameDrift.Io.TensorBoard;

/// <summary>TFRecord's checksum: CRC-32C (System.IO.Hashing) masked as <c>((crc &gt;&gt; 15) | (crc &lt;&lt; 17)) + 0xa282ead8</c>,
/// because a CRC of data that itself contains CRCs is weak.</summary>
public static class TfRecordCrc
{
    private const uint MaskDelta = 0xA282EAD8u;

    /// <summary>CRC-32C of <paramref name="data"/>; "123456789" gives 0xE3069283.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Crc32.HashToUInt32(Crc32ParameterSet.Crc32C, data);

    public static uint Mask(uint crc) => ((crc >> 15) | (crc << 17)) + MaskDelta;

    public static uint Unmask(uint masked)
    {
        uint rotated = masked - MaskDelta;
        return (rotated >> 17) | (rotated << 15);
    }

    /// <summary>The masked CRC-32C stored in a TFRecord frame.</summary>
    public static uint ComputeMasked(ReadOnlySpan<byte> data) => Mask(Compute(data));
}
