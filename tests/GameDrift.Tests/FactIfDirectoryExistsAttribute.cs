namespace GameDrift.Tests;

/// <summary>A fact that is skipped, with the reason shown, when a directory it reads is absent.</summary>
public sealed class FactIfDirectoryExistsAttribute : FactAttribute
{
    public FactIfDirectoryExistsAttribute(string directory, string hint)
    {
        if (!Directory.Exists(directory))
            Skip = $"Directory '{directory}' is absent ({hint}).";
    }
}
