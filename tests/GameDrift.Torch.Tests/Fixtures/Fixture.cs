namespace GameDrift.Torch.Tests;

/// <summary>Files made by Fixtures/make_fixtures.py (PyTorch 1.13) and copied next to the test assembly.</summary>
internal static class Fixture
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
