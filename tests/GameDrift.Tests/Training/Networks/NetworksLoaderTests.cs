using GameDrift.Sweeps;
using GameDrift.Tests.Support;
using GameDrift.Tests.Sweeps;
using GameDrift.Training;
using GameDrift.Training.Networks;

namespace GameDrift.Tests.Training.Networks;

[Collection(SweepWorkersCollection.Name)]
public class NetworksLoaderTests
{
    private static RunConfig Config(string game)
    {
        var c = TinyGan.Config();
        c.Game = game;
        c.Networks = typeof(NetworksTestRegistration).Assembly.Location;
        return c;
    }

    [Fact]
    public void ABuiltAssemblyRegistersItsGames()
    {
        Assert.NotNull(RunGames.Resolve(Config(NetworksTestRegistration.Name)));
        var e = Assert.Throws<ArgumentException>(() => RunGames.Resolve(Config("no-such-gan")));
        Assert.Contains("unknown game 'no-such-gan'", e.Message);
        Assert.Contains(NetworksTestRegistration.Name, e.Message);
        Assert.DoesNotContain("\n", e.Message);
    }

    [Fact]
    public void ShapesThatDoNotMatchTheDataAreOneLine()
    {
        var e = Assert.Throws<ArgumentException>(() => new TrainingSession(Config(NetworksTestRegistration.WrongShape)));
        Assert.Equal($"game '{NetworksTestRegistration.WrongShape}': the generator makes images of shape [1, 4, 4] but the data (fashion-mnist) are [1, 8, 8]", e.Message);
    }

    [Fact]
    public void AProjectThatDoesNotBuildIsOneLine()
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.Combine("Broken.csproj"),
            "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        File.WriteAllText(tmp.Combine("Broken.cs"), "public class Broken { int x = ; }");
        var e = Assert.Throws<ArgumentException>(() => NetworksLoader.Load(tmp.Combine("Broken.csproj")));
        Assert.Contains("does not build", e.Message);
        Assert.Contains("Broken.cs", e.Message);
        Assert.DoesNotContain("\n", e.Message);
    }

    private static string Samples()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, "samples", "own-networks"))) return Path.Combine(d.FullName, "samples", "own-networks");
        throw new DirectoryNotFoundException("samples/own-networks not found");
    }

    /// <summary>The sample's config, its project built on demand, in a two-cell lr-ratio sweep of worker processes.</summary>
    [Fact]
    public void TwoCellSweepOverTheOwnNetworksSample()
    {
        using var tmp = new TempDirectory();
        var data = TinyData.Write(tmp.Combine("data"));
        var sweepFile = tmp.Combine("own.yaml");
        File.WriteAllText(sweepFile, $"""
            name: own
            base: {Path.Combine(Samples(), "own-mlp-gan.yaml")}
            set:
              data_dir: {data}
              steps: 3
              batch_size: 4
              sample_every: 3
              checkpoint_every: 3
              diagnostics_every: 0
              grid_size: 4
              threads: 1
            axes:
              lr_ratio: [0.5, 2]
            """);
        var dir = tmp.Combine("sweep");
        var r = CliProcess.Run(tmp.Path, TimeSpan.FromMinutes(8), "sweep", "--config", sweepFile, "--out", dir, "--workers", "2");
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        var cells = SweepLayout.ReadCells(dir);
        Assert.Equal(2, cells.Count);
        foreach (var c in cells)
        {
            var cellDir = Path.Combine(dir, c.RelativePath);
            Assert.Equal(RunStatus.Finished, RunStatus.Load(cellDir)!.State);
            Assert.Equal("own-mlp-gan", ConfigLoader.Load(Path.Combine(cellDir, "config.yaml")).Game);
        }
        var export = CliProcess.Run(tmp.Path, TimeSpan.FromMinutes(2), "export", "--run", Path.Combine(dir, cells[0].RelativePath), "--format", "safetensors");
        Assert.True(export.ExitCode == 0, export.Stdout + export.Stderr);
        Assert.Contains("generator.safetensors", export.Stdout);
    }
}
