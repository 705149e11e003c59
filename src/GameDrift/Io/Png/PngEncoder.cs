using System.Buffers.Binary;
using System.IO.Compression;

namespace GameDrift.Io.Png;

/// <summary>Writes 8-bit gray, gray+alpha, RGB and RGBA images as non-interlaced PNG.</summary>
public static class PngEncoder
{
    // Split IDAT so that readers can stream; the size itself is arbitrary.
    private const int IdatChunkSize = 1 << 20;

    /// <summary>Encodes <paramref name="image"/> to a new byte array.</summary>
    public static byte[] Encode(PngImage image, PngEncoderOptions? options = null)
    {
        using var ms = new MemoryStream();
        Encode(image, ms, options);
        return ms.ToArray();
    }

    /// <summary>Encodes <paramref name="image"/> onto <paramref name="output"/>.</summary>
    public static void Encode(PngImage image, Stream output, PngEncoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(output);
        options ??= PngEncoderOptions.Default;

        output.Write(PngChunks.Signature);
        WriteHeader(output, image);
        byte[] compressed = CompressScanlines(image, options);
        for (int offset = 0; offset < compressed.Length; offset += IdatChunkSize)
            PngChunks.Write(output, PngChunks.Idat, compressed.AsSpan(offset, Math.Min(IdatChunkSize, compressed.Length - offset)));
        PngChunks.Write(output, PngChunks.Iend, ReadOnlySpan<byte>.Empty);
    }

    /// <summary>Encodes <paramref name="image"/> into the file at <paramref name="path"/>, creating its directory if needed.</summary>
    public static void Save(PngImage image, string path, PngEncoderOptions? options = null)
    {
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        using var fs = File.Create(path);
        Encode(image, fs, options);
    }

    private static void WriteHeader(Stream output, PngImage image)
    {
        Span<byte> ihdr = stackalloc byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)image.Width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr[4..], (uint)image.Height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = PngChunks.ColorTypeFor(image.Channels);
        ihdr[10] = 0; // deflate
        ihdr[11] = 0; // adaptive filtering
        ihdr[12] = 0; // no interlace
        PngChunks.Write(output, PngChunks.Ihdr, ihdr);
    }

    private static byte[] CompressScanlines(PngImage image, PngEncoderOptions options)
    {
        int bpp = image.Channels;
        int stride = image.Width * bpp;
        var prior = new byte[stride];
        var line = new byte[stride + 1];
        var trial = new byte[stride];

        using var ms = new MemoryStream();
        using (var z = new ZLibStream(ms, options.Compression, leaveOpen: true))
        {
            for (int y = 0; y < image.Height; y++)
            {
                ReadOnlySpan<byte> row = image.Pixels.AsSpan(y * stride, stride);
                PngFilterType type = options.Filter ?? ChooseFilter(row, prior, bpp, trial);
                line[0] = (byte)type;
                PngFilters.Apply(type, row, prior, bpp, line.AsSpan(1));
                z.Write(line);
                row.CopyTo(prior);
            }
        }
        return ms.ToArray();
    }

    // Minimum sum of absolute (signed) differences, as recommended by the PNG spec.
    private static PngFilterType ChooseFilter(ReadOnlySpan<byte> row, ReadOnlySpan<byte> prior, int bpp, Span<byte> trial)
    {
        var best = PngFilterType.None;
        long bestScore = long.MaxValue;
        for (var type = PngFilterType.None; type <= PngFilterType.Paeth; type++)
        {
            PngFilters.Apply(type, row, prior, bpp, trial);
            long score = 0;
            foreach (byte v in trial) score += v < 128 ? v : 256 - v;
            if (score < bestScore)
            {
                bestScore = score;
                best = type;
            }
        }
        return best;
    }
}
