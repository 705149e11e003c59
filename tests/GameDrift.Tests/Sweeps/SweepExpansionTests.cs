using GameDrift.Sweeps;

namespace GameDrift.Tests.Sweeps;

public class SweepExpansionTests
{
    private static SweepPlan Plan(string yaml, string[]? overrides = null, string dir = "/tmp") =>
        SweepPlan.Expand(SweepConfig.Parse(yaml, "test-sweep.yaml", dir), overrides);

    [Fact]
    public void GridIsTheProductWithTheFirstAxisSlowest()
    {
        var plan = Plan("axes:\n  scheme: [simultaneous, alternating]\n  seed: [0, 1, 2]\n");
        Assert.Equal(6, plan.Cells.Count);
        var got = plan.Cells.Select(c => (c.Config.Scheme, c.Config.Seed)).ToArray();
        var want = new[] { "simultaneous", "alternating" }.SelectMany(s => new long[] { 0, 1, 2 }.Select(seed => (s, seed))).ToArray();
        Assert.Equal(want, got);
        Assert.Equal(Enumerable.Range(0, 6), plan.Cells.Select(c => c.Index));
        Assert.Equal(new[] { "scheme", "seed" }, plan.AxisKeys);
    }

    [Fact]
    public void ASingleValueIsAnAxisOfOneAndNoAxesIsOneCell()
    {
        var one = Plan("axes:\n  seed: 7\n  scheme: [simultaneous, alternating]\n");
        Assert.Equal(2, one.Cells.Count);
        Assert.All(one.Cells, c => Assert.Equal(7, c.Config.Seed));
        var none = Plan("set:\n  steps: 12\n");
        Assert.Single(none.Cells);
        Assert.Equal(12, none.Cells[0].Config.Steps);
        Assert.Equal("000_base", none.Cells[0].Name);
    }

    [Fact]
    public void LogRangeHitsItsPowersOfTwoAndLinearRangeCounts()
    {
        var plan = Plan("axes:\n  lr_ratio: {start: 0.25, stop: 4, count: 5, log: true}\n  seed: {start: 0, stop: 4, count: 5}\n");
        Assert.Equal(25, plan.Cells.Count);
        var ratios = plan.Cells.Select(c => c.Assignments[0].Value).Distinct().ToArray();
        Assert.Equal(new[] { "0.25", "0.5", "1", "2", "4" }, ratios);
        Assert.Equal(new long[] { 0, 1, 2, 3, 4 }, plan.Cells.Take(5).Select(c => c.Config.Seed));
        // lr_ratio keeps lr_d and moves lr_g: lr_g = lr_d / ratio.
        foreach (var c in plan.Cells)
            Assert.Equal(c.Config.LrD / double.Parse(c.Assignments[0].Value, System.Globalization.CultureInfo.InvariantCulture), c.Config.LrG, 15);
    }

    [Fact]
    public void RangeValuesAreEquallySpaced()
    {
        var lin = new SweepRange(1, 2, 5, false).Values();
        Assert.Equal(new[] { 1, 1.25, 1.5, 1.75, 2 }, lin);
        var log = new SweepRange(0.001, 1000, 7, true).Values();
        for (var i = 1; i < log.Length; i++) Assert.Equal(10, log[i] / log[i - 1], 9);
    }

    [Fact]
    public void DerivedRatioIsAppliedAfterTheCellsOwnLrDWhateverTheAxisOrder()
    {
        // lr_ratio is the first axis, lr_d the second: the ratio must still divide the cell's lr_d.
        var plan = Plan("axes:\n  lr_ratio: [0.5, 2]\n  lr_d: [0.01, 0.04]\n");
        var got = plan.Cells.Select(c => (c.Config.LrD, c.Config.LrG)).ToArray();
        Assert.Equal(4, got.Length);
        Assert.Equal((0.01, 0.02), (got[0].LrD, Math.Round(got[0].LrG, 12)));
        Assert.Equal((0.04, 0.08), (got[1].LrD, Math.Round(got[1].LrG, 12)));
        Assert.Equal((0.01, 0.005), (got[2].LrD, Math.Round(got[2].LrG, 12)));
        Assert.Equal((0.04, 0.02), (got[3].LrD, Math.Round(got[3].LrG, 12)));
    }

    [Fact]
    public void ZippedAxesMoveTogether()
    {
        var plan = Plan("axes:\n  scheme: [simultaneous, alternating]\n  lr: {zip: {lr_d: [0.01, 0.02, 0.04], lr_g: [0.005, 0.01, 0.02]}}\n");
        Assert.Equal(6, plan.Cells.Count);
        Assert.All(plan.Cells, c => Assert.Equal(2.0, c.Config.LrD / c.Config.LrG, 12));
        Assert.Equal(new[] { 0.01, 0.02, 0.04, 0.01, 0.02, 0.04 }, plan.Cells.Select(c => c.Config.LrD));
        Assert.Equal(new[] { "scheme", "lr_d", "lr_g" }, plan.AxisKeys);
    }

    [Fact]
    public void ZipOfUnequalLengthsNamesTheFileAndKeys()
    {
        var e = Assert.Throws<FormatException>(() => Plan("axes:\n  lr: {zip: {lr_d: [0.01, 0.02], lr_g: [0.005]}}\n"));
        Assert.Contains("test-sweep.yaml", e.Message);
        Assert.Contains("lr_d", e.Message);
        Assert.Contains("lr_g", e.Message);
    }

    [Fact]
    public void BaseFileIsRelativeToTheSweepAndSetAndCommandLineOverrideIt()
    {
        using var tmp = new TempDirectory();
        Directory.CreateDirectory(tmp.Combine("configs"));
        Directory.CreateDirectory(tmp.Combine("sweeps"));
        File.WriteAllText(tmp.Combine("configs", "b.yaml"), "scheme: alternating\nsteps: 100\nbatch_size: 32\nlr_d: 0.03\n");
        File.WriteAllText(tmp.Combine("sweeps", "s.yaml"), "base: ../configs/b.yaml\nset:\n  steps: 50\naxes:\n  seed: [1, 2]\n");
        var plan = SweepPlan.Expand(SweepConfig.Load(tmp.Combine("sweeps", "s.yaml")), ["batch_size=8"]);
        Assert.All(plan.Cells, c =>
        {
            Assert.Equal("alternating", c.Config.Scheme);
            Assert.Equal(50, c.Config.Steps);
            Assert.Equal(8, c.Config.BatchSize);
            Assert.Equal(0.03, c.Config.LrD);
        });
        Assert.Equal("s", plan.Sweep.Name);
    }

    [Fact]
    public void CommandLineMayNotOverrideAnAxis()
    {
        var e = Assert.Throws<FormatException>(() => Plan("axes:\n  seed: [1, 2]\n", ["seed=3"]));
        Assert.Contains("seed", e.Message);
    }

    [Theory]
    [InlineData("axes:\n  shceme: [simultaneous]\n", "shceme")]
    [InlineData("axes:\n  steps: [10, many]\n", "axes.steps")]
    [InlineData("set:\n  lr_d: fast\naxes:\n  seed: [1]\n", "set.lr_d")]
    [InlineData("axes:\n  scheme: [simultaneous, leapfrog]\n", "scheme")]
    [InlineData("axes:\n  regularisers: [none, 'sga']\n", "sga")]
    [InlineData("axes:\n  lr_ratio: {start: 0.5, stop: 2}\n", "axes.lr_ratio")]
    [InlineData("axes:\n  lr_ratio: {start: 0, stop: 2, count: 3, log: true}\n", "axes.lr_ratio")]
    [InlineData("axis:\n  seed: [1]\n", "axis")]
    [InlineData("base: nowhere.yaml\n", "nowhere.yaml")]
    [InlineData("set:\n  lr_ratio: 2\naxes:\n  lr_g: [0.1, 0.2]\n", "lr_ratio")]
    public void ErrorsNameTheFileAndTheKey(string yaml, string named)
    {
        var e = Assert.ThrowsAny<Exception>(() => Plan(yaml));
        Assert.True(e is FormatException or FileNotFoundException, e.GetType().Name + ": " + e.Message);
        Assert.Contains("test-sweep.yaml", e.Message);
        Assert.Contains(named, e.Message);
    }
}
