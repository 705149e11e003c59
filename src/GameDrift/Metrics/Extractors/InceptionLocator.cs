namespace GameDrift.Metrics.Extractors;

/// <summary>
/// Finds <c>inception-2015-12-05.pt</c>, the TorchScript Inception-v3 that StyleGAN2-ADA, StyleGAN3 and clean-fid
/// distribute (https://nvlabs-fi-cdn.nvidia.com/stylegan2-ada-pytorch/pretrained/metrics/inception-2015-12-05.pt).
/// </summary>
/// <remarks>Places, in order: an explicit path (<c>--inception</c>, config key <c>inception</c>), the environment
/// variable <c>GAMEDRIFT_INCEPTION</c>, then <see cref="DefaultPath"/>. GameDrift never downloads it.</remarks>
public static class InceptionLocator
{
    public const string FileName = "inception-2015-12-05.pt";
    public const string EnvironmentVariable = "GAMEDRIFT_INCEPTION";
    public const string DownloadUrl = "https://nvlabs-fi-cdn.nvidia.com/stylegan2-ada-pytorch/pretrained/metrics/inception-2015-12-05.pt";

    /// <summary>Where the file is looked for last: <c>&lt;cache&gt;/inception-2015-12-05.pt</c>, by default
    /// <c>~/.cache/gamedrift/inception-2015-12-05.pt</c> (see <see cref="GameDriftCache"/>).</summary>
    public static string DefaultPath => Path.Combine(GameDriftCache.Directory, FileName);

    /// <summary>The path of the Inception file; a clear error naming every place searched when it is in none.
    /// An explicit path or environment value that names a missing file is an error even if a later place has one,
    /// so a typo never silently selects another file.</summary>
    public static string Resolve(string? explicitPath = null)
    {
        var searched = new List<string>();
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            var p = Expand(explicitPath);
            if (File.Exists(p)) return p;
            if (Directory.Exists(p) && File.Exists(Path.Combine(p, FileName))) return Path.Combine(p, FileName);
            throw Missing([$"{p} (given by --inception / config key 'inception')"]);
        }
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env))
        {
            var p = Expand(env);
            if (File.Exists(p)) return p;
            throw Missing([$"{p} (environment variable {EnvironmentVariable})"]);
        }
        searched.Add($"--inception / config key 'inception' (not set)");
        searched.Add($"environment variable {EnvironmentVariable} (not set)");
        if (File.Exists(DefaultPath)) return DefaultPath;
        searched.Add($"{DefaultPath} (default location)");
        throw Missing(searched);
    }

    private static FileNotFoundException Missing(IEnumerable<string> searched) => new(
        $"the Inception network file {FileName} was not found; looked in: {string.Join("; ", searched)}. " +
        $"Download it from {DownloadUrl} and pass --inception PATH, set {EnvironmentVariable}, or place it at {DefaultPath}; " +
        "or use the offline extractor (--extractor classifier, config key 'extractor: classifier').", FileName);

    private static string Expand(string path) =>
        path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..])
            : Path.GetFullPath(path);
}
