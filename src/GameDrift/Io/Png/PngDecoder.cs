using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace GameDrift.Io.Png;

/// <summary>
/// Reads non-interlaced PNG images: 8-bit gray, gray+alpha, RGB, RGBA, low-depth gray and palette.
/// Every chunk CRC is checked; malformed input raises <see cref="InvalidDataException"/> naming the problem.
/// </summary>
public static class PngDecoder
{
    /// <summary>
    /// Decodes a PNG held in memory. Gray and gray+alpha keep 1 and 2 channels, RGB and RGBA keep 3 and 4;
    /// palette images expand to RGB, or to RGBA when a tRNS chunk is present. Low-depth gray is scaled to 0..255.
    /// </summary>
    public static PngImage Decode(ReadOnlySpan<byte> data)
    {
        if (data.Length < 8 || !data[..8].SequenceEqual(PngChunks.Signature))
            throw new InvalidDataException("Not a PNG file: the 8-byte signature does not match.");

        PngHeader? header = null;
        byte[]? palette = null;
        byte[]? paletteAlpha = null;
        using var idat = new MemoryStream();
        bool sawEnd = false;
        int pos = 8;

        while (!sawEnd)
        {
            if (data.Length - pos < 12)
                throw new InvalidDataException($"Truncated PNG: expected a chunk at offset {pos} but only {data.Length - pos} bytes remain (no IEND chunk).");
            uint length = BinaryPrimitives.ReadUInt32BigEndian(data[pos..]);
            ReadOnlySpan<byte> typeBytes = data.Slice(pos + 4, 4);
            string type = Encoding.ASCII.GetString(typeBytes);
            if (length > int.MaxValue || length > data.Length - pos - 12)
                throw new InvalidDataException($"Truncated PNG: chunk '{type}' at offset {pos} declares {length} bytes but only {data.Length - pos - 12} remain.");
            ReadOnlySpan<byte> body = data.Slice(pos + 8, (int)length);
            uint stored = BinaryPrimitives.ReadUInt32BigEndian(data[(pos + 8 + (int)length)..]);
            uint computed = Crc32.Append(Crc32.Compute(typeBytes), body);
            if (stored != computed)
                throw new InvalidDataException($"Corrupt PNG: CRC mismatch in chunk '{type}' at offset {pos} (stored 0x{stored:X8}, computed 0x{computed:X8}).");

            if (header is null && type != PngChunks.Ihdr)
                throw new InvalidDataException($"Invalid PNG: the first chunk must be IHDR, found '{type}'.");

            switch (type)
            {
                case PngChunks.Ihdr:
                    if (header is not null) throw new InvalidDataException("Invalid PNG: more than one IHDR chunk.");
                    header = PngHeader.Parse(body);
                    break;
                case PngChunks.Plte:
                    if (body.Length == 0 || body.Length % 3 != 0 || body.Length > 256 * 3)
                        throw new InvalidDataException($"Invalid PNG: PLTE length {body.Length} is not a multiple of 3 between 3 and 768.");
                    palette = body.ToArray();
                    break;
                case PngChunks.Trns:
                    // Only palette transparency is honoured; colour-key tRNS for gray/RGB is ignored.
                    if (header!.Value.ColorType == PngHeader.ColorPalette) paletteAlpha = body.ToArray();
                    break;
                case PngChunks.Idat:
                    idat.Write(body);
                    break;
                case PngChunks.Iend:
                    sawEnd = true;
                    break;
                default:
                    // Bit 5 of the first type byte clear marks a chunk the decoder must understand.
                    if ((typeBytes[0] & 0x20) == 0)
                        throw new InvalidDataException($"Unsupported PNG: unknown critical chunk '{type}'.");
                    break;
            }
            pos += 12 + (int)length;
        }

        PngHeader h = header!.Value;
        if (idat.Length == 0)
            throw new InvalidDataException("Invalid PNG: no IDAT chunk.");
        if (h.ColorType == PngHeader.ColorPalette && palette is null)
            throw new InvalidDataException("Invalid PNG: palette image without a PLTE chunk.");

        byte[] raw = Inflate(idat, h);
        Unfilter(raw, h);
        return PngPixelUnpacker.Unpack(raw, h, palette, paletteAlpha);
    }

    /// <summary>Decodes a PNG read to the end of <paramref name="input"/>.</summary>
    public static PngImage Decode(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var ms = new MemoryStream();
        input.CopyTo(ms);
        return Decode(ms.GetBuffer().AsSpan(0, (int)ms.Length));
    }

    /// <summary>Reads and decodes the PNG file at <paramref name="path"/>.</summary>
    public static PngImage Load(string path) => Decode(File.ReadAllBytes(path));

    private static byte[] Inflate(MemoryStream idat, PngHeader h)
    {
        long expected = h.Height * (h.Stride + 1);
        if (expected > Array.MaxLength)
            throw new InvalidDataException($"Unsupported PNG: {h.Width}x{h.Height} is too large to decode in memory.");
        var raw = new byte[expected];
        idat.Position = 0;
        int got;
        try
        {
            using var z = new ZLibStream(idat, CompressionMode.Decompress);
            got = z.ReadAtLeast(raw, raw.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"Corrupt PNG: the IDAT zlib stream is invalid ({e.Message}).", e);
        }
        if (got < raw.Length)
            throw new InvalidDataException($"Truncated PNG: IDAT holds {got} bytes of scanlines, expected {raw.Length} for {h.Width}x{h.Height}.");
        return raw;
    }

    // Unfilters in place; each scanline keeps its leading filter byte so offsets stay simple.
    private static void Unfilter(byte[] raw, PngHeader h)
    {
        int stride = (int)h.Stride;
        int bpp = h.FilterBpp;
        var zeros = new byte[stride];
        for (int y = 0; y < h.Height; y++)
        {
            int start = y * (stride + 1);
            byte filter = raw[start];
            if (filter > (byte)PngFilterType.Paeth)
                throw new InvalidDataException($"Corrupt PNG: invalid filter type {filter} on row {y}.");
            ReadOnlySpan<byte> prior = y == 0 ? zeros : raw.AsSpan(start - stride, stride);
            PngFilters.Undo((PngFilterType)filter, raw.AsSpan(start + 1, stride), prior, bpp);
        }
    }
}
