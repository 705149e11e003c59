using GameDrift.Training;

namespace GameDrift.Tests.Training;

public class ConfigLoaderTests
{
    [Fact]
    public void ParsesKeysOfEveryType()
    {
        var c = ConfigLoader.Parse("scheme: alternating\nlr_d: 0.02\nsteps: 300\ndisc_first: false\nseed: 7\n");
        Assert.Equal("alternating", c.Scheme);
        Assert.Equal(0.02, c.LrD);
        Assert.Equal(300, c.Steps);
        Assert.False(c.DiscFirst);
        Assert.Equal(7, c.Seed);
    }

    [Fact]
    public void OverridesWinAndDerivedRatioMovesTheGeneratorRate()
    {
        var c = ConfigLoader.Parse("lr_d: 0.01\nlr_g: 0.01\n");
        ConfigLoader.ApplyOverrides(c, new[] { "lr_ratio=4", "lr_d=0.02", "scheme=alternating" });
        Assert.Equal(0.02, c.LrD);
        Assert.Equal(0.005, c.LrG, 15);
        Assert.Equal("alternating", c.Scheme);
    }

    [Fact]
    public void UnknownKeyNamesKeyAndFile()
    {
        var ex = Assert.Throws<FormatException>(() => ConfigLoader.Parse("shceme: simultaneous\n", "my.yaml"));
        Assert.Contains("shceme", ex.Message);
        Assert.Contains("my.yaml", ex.Message);
    }

    [Fact]
    public void WrongTypeNamesKeyAndFile()
    {
        var ex = Assert.Throws<FormatException>(() => ConfigLoader.Parse("steps: many\n", "runs/a.yaml"));
        Assert.Contains("'steps'", ex.Message);
        Assert.Contains("runs/a.yaml", ex.Message);
        Assert.Contains("integer", ex.Message);
    }

    [Fact]
    public void OutOfRangeValueNamesKey()
    {
        var c = new RunConfig();
        var ex = Assert.Throws<ArgumentException>(() => ConfigLoader.ApplyOverrides(c, new[] { "lr_g=-1" }));
        Assert.Contains("lr_g", ex.Message);
        Assert.Throws<ArgumentException>(() => ConfigLoader.ApplyOverrides(new RunConfig(), new[] { "scheme=leapfrog" }));
        Assert.Throws<FormatException>(() => ConfigLoader.ApplyOverrides(new RunConfig(), new[] { "noequals" }));
    }

    [Fact]
    public void BrokenYamlIsAClearError()
    {
        var ex = Assert.Throws<FormatException>(() => ConfigLoader.Parse("scheme: [unclosed\n", "bad.yaml"));
        Assert.Contains("bad.yaml", ex.Message);
    }

    [Fact]
    public void ResolvedYamlRoundTrips()
    {
        var c = ConfigLoader.Parse("scheme: alternating\nlr_d: 0.1\nlr_g: 0.3\nregularisers: cancel-interaction,r1=0.3\nmetrics: ''\n");
        var again = ConfigLoader.Parse(ConfigLoader.ToYaml(c));
        Assert.Equal(ConfigLoader.ToYaml(c), ConfigLoader.ToYaml(again));
        Assert.Equal("cancel-interaction,r1=0.3", again.Regularisers);
        Assert.Equal(0.3, again.LrG);
    }

    [Fact]
    public void MissingFileIsAClearError()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => ConfigLoader.Load("/nonexistent/x.yaml"));
        Assert.Contains("/nonexistent/x.yaml", ex.Message);
    }
}
