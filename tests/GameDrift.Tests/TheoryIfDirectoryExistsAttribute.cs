namespace GameDrift.Tests;

/// <summary>A theory that is skipped, with the reason shown, when a directory it reads is absent.</summary>
public sealed class TheoryIfDirectoryExistsAttribute : TheoryAttribute
{
    public TheoryIfDirectoryExistsAttribute(string directory, string hint)
    {
        if (!Directory.Exists(directory))
            Skip = $"Directory '{directory}' is absent ({hint}).";
    }
}
