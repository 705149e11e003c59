using System.Net;

namespace GameDrift.Io.TensorBoard;

/// <summary>
/// Writes a TensorBoard event file <c>events.out.tfevents.&lt;unix-seconds&gt;.&lt;hostname&gt;</c> in a log
/// directory. Thread-safe; records are buffered until <see cref="Flush"/> or <see cref="Dispose"/>.
/// </summary>
public sealed class EventWriter : IDisposable
{
    /// <summary>The <c>file_version</c> of the first record, as TensorFlow writes it.</summary>
    public const string FileVersion = "brain.Event:2";

    private readonly object _lock = new();
    private readonly TfRecordWriter _records;
    private readonly TimeProvider _time;
    private bool _disposed;

    /// <summary>Creates <paramref name="logDirectory"/> if needed and starts a new event file in it.</summary>
    /// <param name="timeProvider">Source of wall times and of the file name's timestamp; the system clock by default.</param>
    public EventWriter(string logDirectory, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(logDirectory);
        _time = timeProvider ?? TimeProvider.System;
        Directory.CreateDirectory(logDirectory);
        var stream = CreateUnique(logDirectory, $"events.out.tfevents.{_time.GetUtcNow().ToUnixTimeSeconds()}.{HostName()}");
        FilePath = stream.Name;
        _records = new TfRecordWriter(stream);
        _records.Write(EventEncoder.FileVersion(WallTime(), FileVersion));
    }

    /// <summary>Full path of the event file.</summary>
    public string FilePath { get; }

    /// <summary>Logs a scalar (stored as float32, TensorBoard's <c>simple_value</c>).</summary>
    public void AddScalar(string tag, double value, long step)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        Write(EventEncoder.Scalar(WallTime(), step, tag, (float)value));
    }

    /// <summary>Logs an already encoded (PNG) image of <paramref name="width"/>x<paramref name="height"/> with 1–4 channels.</summary>
    public void AddImage(string tag, ReadOnlySpan<byte> pngBytes, int width, int height, int channels, long step)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (channels is < 1 or > 4)
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "Channels must be 1 (gray), 2 (gray+alpha), 3 (RGB) or 4 (RGBA).");
        // Summary.Image colorspace codes 1..4 coincide with the channel counts.
        Write(EventEncoder.Image(WallTime(), step, tag, pngBytes, width, height, colorspace: channels));
    }

    /// <summary>Pushes buffered records to the file so TensorBoard can read them.</summary>
    public void Flush()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _records.Flush();
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
                return;
            _disposed = true;
            _records.Dispose();
        }
    }

    private void Write(byte[] serialisedEvent)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _records.Write(serialisedEvent);
        }
    }

    private double WallTime() =>
        (_time.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (double)TimeSpan.TicksPerSecond;

    private static string HostName()
    {
        try { return Dns.GetHostName(); }
        catch (System.Net.Sockets.SocketException) { return Environment.MachineName; }
    }

    // Two writers started in the same second in one directory must not overwrite each other:
    // the second gets a numeric suffix (TensorBoard reads any file whose name contains "tfevents").
    private static FileStream CreateUnique(string directory, string baseName)
    {
        for (int n = 0; ; n++)
        {
            string path = Path.Combine(directory, n == 0 ? baseName : $"{baseName}.{n}");
            try
            {
                return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16);
            }
            catch (IOException) when (File.Exists(path))
            {
            }
        }
    }
}
