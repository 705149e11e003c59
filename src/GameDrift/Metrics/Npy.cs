using System.Buffers.Binary;
using System.Text;

namespace GameDrift.Metrics;

/// <summary>
/// Reads and writes single numpy <c>.npy</c> arrays (format versions 1.0, 2.0 and 3.0; dtypes
/// <c>&lt;f4</c> and <c>&lt;f8</c>; C order; 1-D and 2-D), the members of FID statistics files.
/// </summary>
public static class Npy
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];
    // numpy aligns the data start to 64 bytes so arrays can be memory-mapped.
    private const int ArrayAlign = 64;

    /// <summary>Reads an array from a <c>.npy</c> file.</summary>
    public static NpyArray Read(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads one array from <paramref name="stream"/>; <paramref name="source"/> names it in errors.</summary>
    public static NpyArray Read(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        NpyHeader header = ReadHeader(stream, source);
        NpyDtype dtype = header.Descr switch
        {
            "<f4" => NpyDtype.Float32,
            "<f8" => NpyDtype.Float64,
            _ => throw new NpyFormatException(
                $"{source}: unsupported dtype '{header.Descr}'; only little-endian float32 '<f4' and float64 '<f8' are supported."),
        };
        if (header.Shape.Length is < 1 or > 2)
            throw new NpyFormatException($"{source}: {header.Shape.Length}-D arrays are not supported; expected 1-D or 2-D.");
        if (header.FortranOrder && header.Shape.Length > 1)
            throw new NpyFormatException($"{source}: Fortran-ordered (column-major) arrays are not supported; save with C order.");

        long count = 1;
        foreach (int s in header.Shape) count *= s;
        int itemSize = dtype == NpyDtype.Float32 ? 4 : 8;
        long byteCount = count * itemSize;
        if (byteCount > Array.MaxLength)
            throw new NpyFormatException($"{source}: array of {count} elements is too large to load.");
        var bytes = new byte[byteCount];
        try
        {
            stream.ReadExactly(bytes);
        }
        catch (EndOfStreamException e)
        {
            throw new NpyFormatException($"{source}: data is truncated; expected {byteCount} bytes.", e);
        }

        var data = new double[count];
        if (dtype == NpyDtype.Float32)
            for (long i = 0; i < count; i++) data[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan((int)(i * 4), 4));
        else
            for (long i = 0; i < count; i++) data[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan((int)(i * 8), 8));
        return new NpyArray(data, header.Shape, dtype);
    }

    /// <summary>Writes <paramref name="array"/> as a <c>.npy</c> file.</summary>
    public static void Write(string path, NpyArray array)
    {
        using FileStream stream = File.Create(path);
        Write(stream, array);
    }

    /// <summary>Writes <paramref name="array"/> in the byte layout numpy 1.24's <c>np.save</c> produces.</summary>
    public static void Write(Stream stream, NpyArray array)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(array);
        stream.Write(EncodeHeader(array.Dtype, [.. array.Shape]));
        int itemSize = array.Dtype == NpyDtype.Float32 ? 4 : 8;
        var buffer = new byte[Math.Min(array.Data.Length, 1 << 16) * itemSize];
        for (int start = 0; start < array.Data.Length; start += buffer.Length / itemSize)
        {
            int n = Math.Min(buffer.Length / itemSize, array.Data.Length - start);
            for (int i = 0; i < n; i++)
            {
                if (array.Dtype == NpyDtype.Float32)
                    BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(i * 4), (float)array.Data[start + i]);
                else
                    BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(i * 8), array.Data[start + i]);
            }
            stream.Write(buffer, 0, n * itemSize);
        }
    }

    /// <summary>
    /// Magic, version 1.0, header length and the header dictionary padded with spaces and a
    /// newline to a multiple of 64 bytes, as numpy writes it. (1-D and 2-D headers are far below
    /// the 65535-byte limit that would force version 2.0.)
    /// </summary>
    public static byte[] EncodeHeader(NpyDtype dtype, int[] shape)
    {
        string descr = dtype == NpyDtype.Float32 ? "<f4" : "<f8";
        byte[] dict = Encoding.Latin1.GetBytes(new NpyHeader(descr, false, shape).Format());
        int hlen = dict.Length + 1; // + the final newline
        int pad = Padding(hlen, 2);
        var result = new byte[Magic.Length + 2 + 2 + hlen + pad];
        Magic.CopyTo(result, 0);
        result[6] = 1;
        result[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(result.AsSpan(8), checked((ushort)(hlen + pad)));
        dict.CopyTo(result, 10);
        result.AsSpan(10 + dict.Length, pad).Fill((byte)' ');
        result[^1] = (byte)'\n';
        return result;
    }

    // Like numpy, this is ArrayAlign (not 0) when the header is already aligned.
    private static int Padding(int hlen, int lengthSize)
        => ArrayAlign - (Magic.Length + 2 + lengthSize + hlen) % ArrayAlign;

    private static NpyHeader ReadHeader(Stream stream, string source)
    {
        Span<byte> prefix = stackalloc byte[8];
        if (stream.ReadAtLeast(prefix, 8, throwOnEndOfStream: false) < 8 || !prefix[..6].SequenceEqual(Magic))
            throw new NpyFormatException($"{source}: not a .npy array (missing the \\x93NUMPY magic).");
        byte major = prefix[6], minor = prefix[7];
        int lengthSize = major switch
        {
            1 => 2,
            2 or 3 => 4,
            _ => throw new NpyFormatException($"{source}: unsupported .npy format version {major}.{minor}."),
        };
        Span<byte> lenBytes = stackalloc byte[4];
        if (stream.ReadAtLeast(lenBytes[..lengthSize], lengthSize, throwOnEndOfStream: false) < lengthSize)
            throw new NpyFormatException($"{source}: truncated .npy header.");
        long headerLength = lengthSize == 2
            ? BinaryPrimitives.ReadUInt16LittleEndian(lenBytes)
            : BinaryPrimitives.ReadUInt32LittleEndian(lenBytes);
        if (headerLength > 1 << 20)
            throw new NpyFormatException($"{source}: implausible .npy header length {headerLength}.");
        var headerBytes = new byte[headerLength];
        if (stream.ReadAtLeast(headerBytes, headerBytes.Length, throwOnEndOfStream: false) < headerBytes.Length)
            throw new NpyFormatException($"{source}: truncated .npy header.");
        // Versions 1.0 and 2.0 are latin-1; 3.0 allows UTF-8 field names.
        string text = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(headerBytes);
        return NpyHeader.Parse(text, source);
    }
}
