using System.Globalization;
using GameDrift.Sweeps;

namespace GameDrift.Tests.Sweeps;

public class SampleSweepTests
{
    private static string SweepsDir()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, "samples", "sweeps"))) return Path.Combine(d.FullName, "samples", "sweeps");
        throw new DirectoryNotFoundException("samples/sweeps not found above the test directory");
    }

    private static SweepPlan Load(string name) => SweepPlan.Expand(SweepConfig.Load(Path.Combine(SweepsDir(), name + ".yaml")));

    [Fact]
    public void EverySampleSweepExpandsIntoValidCellsNamedAfterItsFile()
    {
        var files = Directory.GetFiles(SweepsDir(), "*.yaml");
        Assert.True(files.Length >= 5);
        foreach (var f in files)
        {
            var plan = SweepPlan.Expand(SweepConfig.Load(f));
            Assert.Equal(Path.GetFileNameWithoutExtension(f), plan.Sweep.Name);
            Assert.NotEmpty(plan.Cells);
            var data = plan.Sweep.Name.StartsWith("cifar10") ? "cifar10" : "fashion-mnist";
            Assert.All(plan.Cells, c => Assert.Equal(data, c.Config.Data));
        }
    }

    [Theory]
    [InlineData("fmnist-alternating-lr-ratio")]
    [InlineData("cifar10-alternating-lr-ratio")]
    public void RatioSweepsAreAlternatingAndStraddleOneHalfAndOne(string name)
    {
        var plan = Load(name);
        Assert.All(plan.Cells, c => Assert.Equal("alternating", c.Config.Scheme));
        var ratios = plan.Cells.Select(c => c.Config.LrD / c.Config.LrG).Distinct().ToArray();
        // alpha/lambda = 1/2 is where the paper-form factor (1 - 2 alpha/lambda) changes sign.
        Assert.Contains(ratios, r => r < 0.5);
        Assert.Contains(ratios, r => r > 0.5 && r < 1);
        Assert.Contains(ratios, r => r > 1);
        Assert.Contains(ratios, r => Math.Abs(r - 0.5) < 1e-12);
        Assert.Contains(ratios, r => Math.Abs(r - 1) < 1e-12);
        Assert.True(plan.Cells.Select(c => c.Config.Seed).Distinct().Count() >= 2, "seeds give error bars");
    }

    [Theory]
    [InlineData("fmnist-regularisers")]
    [InlineData("cifar10-regularisers")]
    public void RegulariserSweepsCrossSchemesRegularisersAndLearningRates(string name)
    {
        var plan = Load(name);
        Assert.Equal(new[] { "alternating", "simultaneous" }, plan.Cells.Select(c => c.Config.Scheme).Distinct().Order());
        var regs = plan.Cells.Select(c => c.Config.Regularisers.Split('=')[0]).Distinct().Order().ToArray();
        Assert.Equal(new[] { "cancel-interaction", "co", "none", "sga" }, regs);
        Assert.True(plan.Cells.Select(c => c.Config.LrD).Distinct().Count() >= 3);
        Assert.All(plan.Cells, c => Assert.Equal(2, c.Config.LrD / c.Config.LrG, 12));
        Assert.Equal(2 * 4 * plan.Cells.Select(c => c.Config.LrD).Distinct().Count(), plan.Cells.Count);
    }

    [Fact]
    public void CoreComparisonIsTheThreeRunsOfTheMainJob()
    {
        var plan = Load("fmnist-core");
        var runs = plan.Cells.Select(c => (c.Config.Scheme, c.Config.Regularisers)).ToArray();
        Assert.Equal(3, runs.Length);
        Assert.Contains(("simultaneous", "none"), runs);
        Assert.Contains(("simultaneous", "cancel-interaction"), runs);
        Assert.Contains(("alternating", "none"), runs);
        // Same learning rates, optimiser and seed everywhere: only the update rule differs.
        Assert.Single(plan.Cells.Select(c => (c.Config.LrD, c.Config.LrG, c.Config.Optimizer, c.Config.Seed, c.Config.Steps)).Distinct());
        // Part 3 of the main job: the dense GAN with Adam, the setting that shows garments within the budget, on a seed
        // that was not looked at while choosing it (0 and 100 were).
        Assert.Equal(("adam", "fmnist-mlp", 1L), (plan.Cells[0].Config.Optimizer, plan.Cells[0].Config.Game, plan.Cells[0].Config.Seed));
    }

    [Fact]
    public void DiracPhaseDiagramScriptCoversBothSchemes()
    {
        var script = File.ReadAllText(Path.Combine(SweepsDir(), "dirac-phase-diagrams.sh"));
        Assert.Contains("toy-sweep", script);
        Assert.Contains("for scheme in simultaneous alternating", script);
        var ratio = System.Text.RegularExpressions.Regex.Match(script, @"--ratio-range ([0-9.]+):([0-9.]+):").Groups;
        Assert.True(double.Parse(ratio[1].Value, CultureInfo.InvariantCulture) < 0.5 && double.Parse(ratio[2].Value, CultureInfo.InvariantCulture) > 1);
    }
}
