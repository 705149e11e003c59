namespace GameDrift.Io;

/// <summary>Files replaced whole or not at all: written beside the target under a temporary name, then renamed over it,
/// so a process killed while writing (a sweep stopping its workers, a crash) leaves the previous file as it was.</summary>
public static class AtomicFile
{
    /// <summary>Replaces <paramref name="path"/> with what <paramref name="write"/> writes to the path it is given.</summary>
    public static void Write(string path, Action<string> write)
    {
        var tmp = path + ".tmp";
        write(tmp);
        File.Move(tmp, path, overwrite: true);
    }

    public static void WriteAllText(string path, string text) => Write(path, tmp => File.WriteAllText(tmp, text));

    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, tmp => File.WriteAllBytes(tmp, bytes));
}
