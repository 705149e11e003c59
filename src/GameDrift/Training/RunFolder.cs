namespace GameDrift.Training;

/// <summary>The run directory's policy: one trainer at a time (a lock file, released by the kernel if the process
/// dies), never two runs mixed in one directory (an earlier run's outputs make a fresh start refuse unless asked to
/// overwrite them), and no empty directory left behind by a run that failed before its first step.</summary>
public sealed class RunFolder : IDisposable
{
    public const string LockName = ".lock";

    /// <summary>What a training run writes into its directory. Other files (e.g. a sweep cell's config.yaml and
    /// cell.json) are left alone by <c>--overwrite</c>.</summary>
    public static readonly string[] Outputs =
        ["metrics.csv", "status.json", "log.txt", "eval.json", "report.html", "checkpoints", "samples", "tensorboard", "plots"];

    private readonly FileStream lockFile;

    private RunFolder(string path, bool created, FileStream lockFile)
    {
        Path = path;
        Created = created;
        this.lockFile = lockFile;
    }

    public string Path { get; }

    /// <summary>True when the directory did not exist before this run.</summary>
    public bool Created { get; }

    /// <summary>True when <paramref name="dir"/> holds what an earlier run wrote (metrics, status, checkpoints, samples...).</summary>
    public static bool HoldsRun(string dir) =>
        Directory.Exists(dir) && Outputs.Any(o => File.Exists(System.IO.Path.Combine(dir, o)) || Directory.Exists(System.IO.Path.Combine(dir, o)));

    /// <summary>Creates and locks the directory; refuses a fresh start over an earlier run unless
    /// <paramref name="overwrite"/> is set, in which case that run's outputs are deleted first.</summary>
    public static RunFolder Open(string dir, bool resume, bool overwrite)
    {
        if (resume && overwrite) throw new ArgumentException("--resume and --overwrite exclude each other: resume continues the run, overwrite deletes it");
        var created = !Directory.Exists(dir);
        Directory.CreateDirectory(dir);
        var lockPath = System.IO.Path.Combine(dir, LockName);
        FileStream lockFile;
        // FileShare.None takes an exclusive advisory lock (flock) on Unix; the kernel drops it when the process dies.
        try { lockFile = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose); }
        catch (IOException) { throw new ArgumentException($"another trainer is writing to {System.IO.Path.GetFullPath(dir)} ({lockPath} is locked); wait for it to end or choose another --out"); }
        try
        {
            if (!resume && HoldsRun(dir))
            {
                if (!overwrite)
                    throw new ArgumentException($"{System.IO.Path.GetFullPath(dir)} already holds a run; pass --resume to continue it, " +
                                                "--overwrite to delete its outputs and start again, or choose another --out");
                foreach (var o in Outputs)
                {
                    var p = System.IO.Path.Combine(dir, o);
                    if (Directory.Exists(p)) Directory.Delete(p, recursive: true);
                    else if (File.Exists(p)) File.Delete(p);
                }
            }
            return new RunFolder(dir, created, lockFile);
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>Releases the lock and deletes the directory if this run created it (a run that failed before its first step).</summary>
    public void Discard()
    {
        Dispose();
        if (Created && Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }

    public void Dispose() => lockFile.Dispose();
}
