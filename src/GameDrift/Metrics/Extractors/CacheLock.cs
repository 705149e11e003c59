namespace GameDrift.Metrics.Extractors;

/// <summary>An exclusive lock between processes on one cache entry (an advisory lock on <c>&lt;entry&gt;.lock</c>), so
/// sweep workers that start together compute a classifier or reference statistics once: the first one computes, the
/// others wait and then load its result. The lock file stays (deleting it would let two processes lock different
/// files of the same name); the lock goes with the process, so a killed worker never blocks the others.</summary>
public sealed class CacheLock : IDisposable
{
    private readonly FileStream stream;

    private CacheLock(FileStream stream) => this.stream = stream;

    /// <param name="waiting">called once when another process holds the lock and this one starts to wait.</param>
    public static CacheLock Acquire(string entryPath, Action? waiting = null)
    {
        var path = entryPath + ".lock";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var told = false;
        while (true)
        {
            // On Unix, .NET takes FileShare.None as an exclusive flock on the file.
            try { return new CacheLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)); }
            catch (IOException) when (File.Exists(path))
            {
                if (!told) waiting?.Invoke();
                told = true;
                Thread.Sleep(250);
            }
        }
    }

    public void Dispose() => stream.Dispose();
}
