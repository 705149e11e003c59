using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using GameDrift.Io.Png;

namespace GameDrift.Tests.Io.Png;

/// <summary>Assembles PNG files byte by byte so decoder tests do not depend on the encoder.</summary>
internal static class HandMadePng
{
    public static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    public static byte[] Chunk(string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        typeBytes.CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        uint crc = Crc32.Compute([.. typeBytes, .. data]);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), crc);
        return chunk;
    }

    public static byte[] Ihdr(int width, int height, byte bitDepth, byte colorType, byte interlace = 0)
    {
        var d = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(d, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(d.AsSpan(4), (uint)height);
        d[8] = bitDepth;
        d[9] = colorType;
        d[12] = interlace;
        return Chunk("IHDR", d);
    }

    public static byte[] Zlib(byte[] raw)
    {
        using var ms = new MemoryStream();
        using (var z = new ZLibStream(ms, CompressionLevel.Optimal, leaveOpen: true))
            z.Write(raw);
        return ms.ToArray();
    }

    /// <summary>A complete file: signature, IHDR, the extra chunks, one IDAT of <paramref name="scanlines"/>, IEND.</summary>
    public static byte[] File(int width, int height, byte bitDepth, byte colorType, byte[] scanlines, params byte[][] extraChunks)
    {
        var parts = new List<byte[]> { Signature, Ihdr(width, height, bitDepth, colorType) };
        parts.AddRange(extraChunks);
        parts.Add(Chunk("IDAT", Zlib(scanlines)));
        parts.Add(Chunk("IEND", []));
        return parts.SelectMany(p => p).ToArray();
    }
}
