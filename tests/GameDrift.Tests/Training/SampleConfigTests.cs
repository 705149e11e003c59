using GameDrift.Training;

namespace GameDrift.Tests.Training;

public class SampleConfigTests
{
    private static string SamplesDir()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, "samples", "configs"))) return Path.Combine(d.FullName, "samples", "configs");
        throw new DirectoryNotFoundException("samples/configs not found above the test directory");
    }

    [Fact]
    public void EverySampleConfigLoadsAndIsNamedAfterItsContents()
    {
        var files = Directory.GetFiles(SamplesDir(), "*.yaml");
        Assert.True(files.Length >= 8);
        foreach (var f in files)
        {
            var c = ConfigLoader.Load(f);
            var name = Path.GetFileNameWithoutExtension(f);
            // <data>-<optimiser>-<scheme>[-<regulariser>]; a game that draws its own data is named after the game.
            var data = c.Game is "dirac-gan" or "ring-of-gaussians" || c.Game.StartsWith("toy-") ? c.Game : c.Data == "fashion-mnist" ? "fmnist" : c.Data;
            Assert.StartsWith($"{data}-{c.Optimizer}-{c.Scheme}", name);
            Assert.Equal(name.EndsWith("-cancel"), c.Regularisers.Contains("cancel-interaction"));
        }
    }
}
