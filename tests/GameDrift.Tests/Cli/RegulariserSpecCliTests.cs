using GameDrift.Regularisers;
using GameDrift.Tests.Support;
using GameDrift.Training;

namespace GameDrift.Tests.Cli;

/// <summary>`--reg cancel-interaction`, `cancel-interaction:paper` and `cancel-interaction:single-clock` are accepted by every
/// command that takes regularisers, and the first two mean the same thing everywhere (lr_d != lr_g, so the third differs).</summary>
public class RegulariserSpecCliTests
{
    private static readonly string[] Forms = { "cancel-interaction", "cancel-interaction:paper", "cancel-interaction:single-clock" };

    private static string[] Outputs(string command, string file, Func<string, string[]> args)
    {
        using var dir = new TempDirectory();
        return Forms.Select((form, i) =>
        {
            var outDir = dir.Combine($"run{i}");
            var (code, stdout, stderr) = CliProcess.Run(dir.Path, TimeSpan.FromMinutes(3),
                new[] { command }.Concat(args(form)).Concat(new[] { "--out", outDir }).ToArray());
            Assert.True(code == 0, $"{command} --reg {form}: exit {code}\n{stdout}\n{stderr}");
            return File.ReadAllText(Path.Combine(outDir, file));
        }).ToArray();
    }

    private static void SameThenDifferent(string[] outputs, string what)
    {
        Assert.Equal(outputs[0], outputs[1]);
        Assert.True(outputs[0] != outputs[2], $"{what}: single-clock gave the paper form's output");
    }

    [Fact]
    public void ToyAndToySweepAcceptTheThreeForms()
    {
        SameThenDifferent(Outputs("toy", "trajectory.csv", form => new[] { "--game", "dirac", "--scheme", "alternating",
            "--lr-d", "0.1", "--lr-g", "0.3", "--steps", "20", "--start", "1,1", "--reg", form }), "toy");
        var sweeps = Outputs("toy-sweep", "sweep.csv", form => new[] { "--game", "dirac", "--scheme", "simultaneous",
            "--lr-d-range", "0.05:0.2:2", "--ratio-range", "0.5:2:2", "--steps", "10", "--reg", form });
        // The regulariser column names the spec as typed; the numbers are what must agree.
        string Numbers(string csv) => string.Join("\n", csv.Split('\n').Skip(1).Select(l => string.Join(",", l.Split(',').Take(2).Concat(l.Split(',').Skip(4)))));
        SameThenDifferent(sweeps.Select(Numbers).ToArray(), "toy-sweep");
    }

    [Fact]
    public void MogAcceptsTheThreeForms()
    {
        var metrics = Outputs("mog", "metrics.csv", form => new[] { "--scheme", "simultaneous", "--lr-d", "0.05", "--lr-g", "0.2",
            "--steps", "4", "--batch", "16", "--hidden", "8", "--layers", "1", "--latent-dim", "2", "--eval-every", "2",
            "--eval-samples", "50", "--snapshots", "1", "--reg", form });
        // Drop wall_time (column 2).
        string Losses(string csv) => string.Join("\n", csv.Split('\n').Select(l => string.Join(",", l.Split(',').Where((_, k) => k != 1))));
        SameThenDifferent(metrics.Select(Losses).ToArray(), "mog");
    }

    [Fact]
    public void TrainAndSweepConfigsReadTheSameSpec()
    {
        // train and sweep read `regularisers:` through the same parser as the commands above.
        foreach (var form in Forms)
        {
            var c = ConfigLoader.Parse($"scheme: simultaneous\nregularisers: {form}\nmetrics: ''\n");
            var d = Assert.IsType<DriftRegulariser>(Assert.Single(RegulariserRegistry.Parse(c.Regularisers)));
            Assert.Equal(form.EndsWith("single-clock") ? DriftConvention.SingleClock : DriftConvention.Paper, d.Convention);
            Assert.Equal((0.0, -1.0), (d.SelfMultiplier, d.InteractionMultiplier));
        }
    }
}
