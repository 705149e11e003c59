namespace GameDrift.Training;

/// <summary>Paths in a config file that name the user's code (<c>networks</c>, <c>generator_script</c>,
/// <c>discriminator_script</c>) are relative to the file, not to the working directory; they are made absolute when
/// the file is read, so the resolved config.yaml of a run (and every sweep cell's copy) still finds them.</summary>
internal static class ConfigPaths
{
    public static void Anchor(RunConfig config, string directory)
    {
        static string Absolute(string path, string dir) =>
            string.IsNullOrWhiteSpace(path) || Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(dir, path));
        config.Networks = Absolute(config.Networks, directory);
        config.GeneratorScript = Absolute(config.GeneratorScript, directory);
        config.DiscriminatorScript = Absolute(config.DiscriminatorScript, directory);
    }
}
