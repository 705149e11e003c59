using System.Buffers.Binary;
using System.Text;

namespace GameDrift.Io.Png;

/// <summary>Constants and chunk framing shared by the encoder and decoder.</summary>
internal static class PngChunks
{
    public static ReadOnlySpan<byte> Signature => [137, 80, 78, 71, 13, 10, 26, 10];

    public const string Ihdr = "IHDR";
    public const string Plte = "PLTE";
    public const string Trns = "tRNS";
    public const string Idat = "IDAT";
    public const string Iend = "IEND";

    /// <summary>Writes one chunk: length, type, data, CRC over type and data.</summary>
    public static void Write(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)data.Length);
        Encoding.ASCII.GetBytes(type, header[4..]);
        output.Write(header);
        output.Write(data);
        uint crc = Crc32.Append(Crc32.Compute(header[4..]), data);
        Span<byte> trailer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(trailer, crc);
        output.Write(trailer);
    }

    /// <summary>PNG colour type for an 8-bit image with the given channel count.</summary>
    public static byte ColorTypeFor(int channels) => channels switch
    {
        1 => 0,
        2 => 4,
        3 => 2,
        4 => 6,
        _ => throw new ArgumentOutOfRangeException(nameof(channels), channels, "Channels must be 1..4."),
    };
}
