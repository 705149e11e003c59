using System.Buffers.Binary;

namespace GameDrift.Io.TensorBoard;

/// <summary>
/// Writes TFRecord framing: uint64 length (little-endian), masked CRC-32C of those 8 bytes, the data,
/// masked CRC-32C of the data.
/// </summary>
public sealed class TfRecordWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private bool _disposed;

    /// <summary>Writes records to <paramref name="stream"/>; closes it on dispose unless <paramref name="leaveOpen"/>.</summary>
    public TfRecordWriter(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
    }

    /// <summary>Appends one record holding <paramref name="data"/>.</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt64LittleEndian(header, (ulong)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], TfRecordCrc.ComputeMasked(header[..8]));
        Span<byte> footer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(footer, TfRecordCrc.ComputeMasked(data));
        _stream.Write(header);
        _stream.Write(data);
        _stream.Write(footer);
    }

    /// <summary>Pushes buffered records to the underlying stream.</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _stream.Flush();
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _stream.Flush();
        if (!_leaveOpen)
            _stream.Dispose();
    }
}
