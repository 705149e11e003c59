namespace GameDrift.Metrics.Extractors;

/// <summary>
/// GameDrift's cache folder: the trained fallback classifiers (<c>classifiers/</c>), reference statistics of real
/// data (<c>stats/</c>) and, by default, the Inception file. <c>$GAMEDRIFT_CACHE</c> when set, otherwise
/// <c>$XDG_CACHE_HOME/gamedrift</c>, otherwise <c>~/.cache/gamedrift</c>.
/// </summary>
public static class GameDriftCache
{
    public const string EnvironmentVariable = "GAMEDRIFT_CACHE";

    public static string Directory
    {
        get
        {
            var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(env)) return Path.GetFullPath(env);
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (!string.IsNullOrWhiteSpace(xdg)) return Path.Combine(xdg, "gamedrift");
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "gamedrift");
        }
    }
}
