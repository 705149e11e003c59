using System.Buffers.Binary;
using System.IO.Compression;

namespace GameDrift.Data;

/// <summary>uint8 images read from an IDX file: <see cref="Count"/> images of <see cref="Rows"/>x<see cref="Columns"/>.</summary>
public sealed record IdxImages(byte[] Pixels, int Count, int Rows, int Columns);

/// <summary>
/// Reader for the IDX format of MNIST and Fashion-MNIST (big-endian header, uint8 data),
/// plain or gzip-compressed; compression is detected by the gzip magic bytes, not the name.
/// </summary>
public static class IdxFile
{
    /// <summary>Magic of a uint8 array with 3 dimensions (images).</summary>
    public const int ImagesMagic = 0x00000803;
    /// <summary>Magic of a uint8 array with 1 dimension (labels).</summary>
    public const int LabelsMagic = 0x00000801;

    /// <summary>Reads an images file (magic 0x00000803, dims N, rows, columns).</summary>
    public static IdxImages ReadImages(string path)
    {
        using var stream = Open(path);
        var dims = ReadHeader(stream, path, ImagesMagic, 3);
        long size = (long)dims[0] * dims[1] * dims[2];
        if (size > Array.MaxLength)
            throw new InvalidDataException($"IDX file '{path}' declares {dims[0]}x{dims[1]}x{dims[2]} bytes, too many to load.");
        var pixels = ReadBody(stream, path, (int)size);
        return new IdxImages(pixels, dims[0], dims[1], dims[2]);
    }

    /// <summary>Reads a labels file (magic 0x00000801, dim N).</summary>
    public static byte[] ReadLabels(string path)
    {
        using var stream = Open(path);
        var dims = ReadHeader(stream, path, LabelsMagic, 1);
        return ReadBody(stream, path, dims[0]);
    }

    /// <summary>Opens <paramref name="path"/>, decompressing when it starts with the gzip magic 1f 8b.</summary>
    public static Stream Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Span<byte> magic = stackalloc byte[2];
        int read = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        if (read == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
            return new BufferedStream(new GZipStream(file, CompressionMode.Decompress), 1 << 16);
        return file;
    }

    private static int[] ReadHeader(Stream stream, string path, int expectedMagic, int rank)
    {
        var header = new byte[4 * (1 + rank)];
        int read = ReadFully(stream, header, path);
        if (read < 4)
            throw new InvalidDataException($"IDX file '{path}' is too short for a header ({read} bytes).");
        int magic = BinaryPrimitives.ReadInt32BigEndian(header);
        if (magic != expectedMagic)
            throw new InvalidDataException(
                $"IDX file '{path}' has magic 0x{magic:X8}, expected 0x{expectedMagic:X8} " +
                (expectedMagic == ImagesMagic ? "(uint8 images, 3 dimensions)." : "(uint8 labels, 1 dimension)."));
        if (read < header.Length)
            throw new InvalidDataException($"IDX file '{path}' is truncated inside its header ({read} of {header.Length} bytes).");
        var dims = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            dims[i] = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4 * (i + 1)));
            if (dims[i] < 0)
                throw new InvalidDataException($"IDX file '{path}' has negative dimension {dims[i]}.");
        }
        return dims;
    }

    private static byte[] ReadBody(Stream stream, string path, int size)
    {
        var data = new byte[size];
        int read = ReadFully(stream, data, path);
        if (read < size)
            throw new InvalidDataException(
                $"IDX file '{path}' is truncated: its header declares {size} data bytes but only {read} follow.");
        Span<byte> extra = stackalloc byte[1];
        if (ReadFully(stream, extra, path) != 0)
            throw new InvalidDataException($"IDX file '{path}' has data past the {size} bytes its header declares.");
        return data;
    }

    // Reads until the buffer is full or the stream ends; a damaged gzip stream becomes a clear error.
    private static int ReadFully(Stream stream, Span<byte> buffer, string path)
    {
        try
        {
            return stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"IDX file '{path}' is a damaged or truncated gzip stream: {e.Message}", e);
        }
    }
}
