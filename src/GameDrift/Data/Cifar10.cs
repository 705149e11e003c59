namespace GameDrift.Data;

/// <summary>
/// Reads the CIFAR-10 binary distribution (cifar-10-binary.tar.gz, extracted): records of
/// 1 label byte then 3072 pixel bytes (1024 R, 1024 G, 1024 B, each 32x32 row-major).
/// </summary>
public static class Cifar10
{
    public const int Channels = 3;
    public const int Height = 32;
    public const int Width = 32;
    public const int ImageBytes = Channels * Height * Width;
    /// <summary>Bytes per record: one label byte and the image.</summary>
    public const int RecordBytes = 1 + ImageBytes;
    /// <summary>Name of the folder the archive extracts to; accepted inside the given directory.</summary>
    public const string ArchiveFolder = "cifar-10-batches-bin";

    /// <summary>Training files, in load order.</summary>
    public static IReadOnlyList<string> TrainFiles { get; } =
        ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"];

    /// <summary>Test file.</summary>
    public static IReadOnlyList<string> TestFiles { get; } = ["test_batch.bin"];

    /// <summary>Label names, indexed by label.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

    /// <summary>Loads the train (50000 images) or test (10000 images) split from <paramref name="directory"/>.</summary>
    /// <exception cref="FileNotFoundException">The directory or one of the expected files is missing.</exception>
    /// <exception cref="InvalidDataException">A file is empty, truncated, or has a label outside 0..9.</exception>
    public static ImageDataset Load(string directory, bool train = true)
    {
        var files = train ? TrainFiles : TestFiles;
        string dir = ResolveDirectory(directory, files);

        // Validate every size before reading, so a bad last file fails fast.
        var paths = files.Select(f => Path.Combine(dir, f)).ToArray();
        long total = 0;
        foreach (var path in paths)
            total += CountRecords(path);
        if (total * ImageBytes > Array.MaxLength)
            throw new InvalidDataException($"CIFAR-10 files in '{dir}' hold {total} records, more than one array can hold.");

        var pixels = new byte[total * ImageBytes];
        var labels = new int[total];
        int n = 0;
        foreach (var path in paths)
            n = ReadRecords(path, pixels, labels, n);
        return new ImageDataset(pixels, labels, Channels, Height, Width, ClassNames);
    }

    /// <summary>
    /// The directory that actually holds <paramref name="files"/>: <paramref name="directory"/> itself or
    /// its <c>cifar-10-batches-bin</c> subfolder.
    /// </summary>
    public static string ResolveDirectory(string directory, IReadOnlyList<string> files)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        string expected = string.Join(", ", files);
        if (!Directory.Exists(directory))
            throw new FileNotFoundException(
                $"CIFAR-10 directory '{directory}' does not exist; expected it to contain {expected} " +
                $"(the binary version, extracted), directly or under '{ArchiveFolder}'.");

        string nested = Path.Combine(directory, ArchiveFolder);
        string dir = !files.All(f => File.Exists(Path.Combine(directory, f))) && Directory.Exists(nested)
            ? nested
            : directory;

        var missing = files.Where(f => !File.Exists(Path.Combine(dir, f))).ToList();
        if (missing.Count > 0)
            throw new FileNotFoundException(
                $"CIFAR-10 file(s) {string.Join(", ", missing)} not found in '{dir}'; expected {expected}.",
                Path.Combine(dir, missing[0]));
        return dir;
    }

    private static long CountRecords(string path)
    {
        long length = new FileInfo(path).Length;
        if (length == 0)
            throw new InvalidDataException($"CIFAR-10 file '{path}' is empty.");
        if (length % RecordBytes != 0)
            throw new InvalidDataException(
                $"CIFAR-10 file '{path}' has {length} bytes, not a whole number of {RecordBytes}-byte records " +
                $"({length / RecordBytes} records and {length % RecordBytes} extra bytes): truncated or not CIFAR-10.");
        return length / RecordBytes;
    }

    private static int ReadRecords(string path, byte[] pixels, int[] labels, int start)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var record = new byte[RecordBytes];
        int n = start;
        long offset = 0;
        while (true)
        {
            int read = stream.ReadAtLeast(record, RecordBytes, throwOnEndOfStream: false);
            if (read == 0)
                break;
            if (read < RecordBytes || n == labels.Length)
                throw new InvalidDataException($"CIFAR-10 file '{path}' changed while being read (at byte {offset}).");
            if (record[0] > 9)
                throw new InvalidDataException(
                    $"CIFAR-10 file '{path}': record {offset / RecordBytes} has label {record[0]}, expected 0..9 " +
                    "(is this the CIFAR-100 or Python version?).");
            labels[n] = record[0];
            // The file already stores channel planes of row-major pixels, i.e. CHW.
            record.AsSpan(1).CopyTo(pixels.AsSpan(n * ImageBytes, ImageBytes));
            n++;
            offset += RecordBytes;
        }
        return n;
    }
}
