namespace GameDrift.Training;

/// <summary>The line that tells where a run's outputs are, naming only the files that exist.</summary>
public static class RunOutputs
{
    private static readonly string[] Listed = ["metrics.csv", "samples/", "checkpoints/latest.pt", "checkpoints/best.pt", "log.txt", "config.yaml", "status.json"];

    public static string Describe(string runDirectory)
    {
        var present = Listed.Where(f => f.EndsWith('/')
            ? Directory.Exists(Path.Combine(runDirectory, f)) && Directory.EnumerateFileSystemEntries(Path.Combine(runDirectory, f)).Any()
            : File.Exists(Path.Combine(runDirectory, f)));
        return $"outputs in {runDirectory}: {string.Join(", ", present)}";
    }
}
