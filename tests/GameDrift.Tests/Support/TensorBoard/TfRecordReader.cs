using System.Buffers.Binary;

using GameDrift.Io.TensorBoard;

namespace GameDrift.Tests.Support.TensorBoard;

/// <summary>Reads TFRecord framing, verifying both masked CRCs of every record.</summary>
public sealed class TfRecordReader : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private long _offset;

    /// <summary>Reads records from <paramref name="stream"/>; closes it on dispose unless <paramref name="leaveOpen"/>.</summary>
    public TfRecordReader(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
    }

    /// <summary>The next record's data, or null at the end of the stream.</summary>
    /// <exception cref="InvalidDataException">A CRC does not match, or the stream ends inside a record.</exception>
    public byte[]? ReadNext()
    {
        long start = _offset;
        Span<byte> header = stackalloc byte[12];
        int read = ReadFully(header);
        if (read == 0)
            return null;
        if (read < header.Length)
            throw Truncated(start, "header");

        uint storedLengthCrc = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
        uint lengthCrc = TfRecordCrc.ComputeMasked(header[..8]);
        if (storedLengthCrc != lengthCrc)
            throw new InvalidDataException(
                $"TFRecord at byte {start}: length CRC mismatch (stored 0x{storedLengthCrc:X8}, computed 0x{lengthCrc:X8}); the record is corrupted.");
        ulong length = BinaryPrimitives.ReadUInt64LittleEndian(header);
        if (length > (ulong)Array.MaxLength)
            throw new InvalidDataException($"TFRecord at byte {start}: length {length} is too large to read.");

        var data = new byte[(int)length];
        if (ReadFully(data) < data.Length)
            throw Truncated(start, "data");
        Span<byte> footer = stackalloc byte[4];
        if (ReadFully(footer) < footer.Length)
            throw Truncated(start, "data CRC");
        uint storedDataCrc = BinaryPrimitives.ReadUInt32LittleEndian(footer);
        uint dataCrc = TfRecordCrc.ComputeMasked(data);
        if (storedDataCrc != dataCrc)
            throw new InvalidDataException(
                $"TFRecord at byte {start}: data CRC mismatch (stored 0x{storedDataCrc:X8}, computed 0x{dataCrc:X8}); the record is corrupted.");
        return data;
    }

    /// <summary>All remaining records, in order.</summary>
    public IEnumerable<byte[]> ReadAll()
    {
        while (ReadNext() is { } record)
            yield return record;
    }

    public void Dispose()
    {
        if (!_leaveOpen)
            _stream.Dispose();
    }

    private int ReadFully(Span<byte> buffer)
    {
        int read = _stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        _offset += read;
        return read;
    }

    private static InvalidDataException Truncated(long start, string part) =>
        new($"TFRecord at byte {start}: stream ends inside the record's {part}; the file is truncated.");
}
