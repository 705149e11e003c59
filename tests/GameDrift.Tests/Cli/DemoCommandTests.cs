using GameDrift.Sweeps;
using GameDrift.Tests.Support;

namespace GameDrift.Tests.Cli;

/// <summary>The main job's command (<c>gamedrift demo</c>) end to end at toy size: the three runs of
/// samples/sweeps/fmnist-core.yaml as a sweep, sweep.csv, report.html; a second call continues the same directory.</summary>
[Collection(GameDrift.Tests.Sweeps.SweepWorkersCollection.Name)]
public class DemoCommandTests
{
    private const string FashionMnist = "/usr/share/datasets/fashion-mnist";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    [Fact]
    public void TinyDemoTrainsTheThreeRunsAndWritesTheReport()
    {
        Assert.True(Directory.Exists(FashionMnist), $"{FashionMnist} is missing: install dataset-fashion-mnist (scripts/setup.sh does)");
        using var tmp = new TempDirectory();
        var dir = tmp.Combine("core");
        string[] tiny = ["--steps", "3", "--workers", "2", "--out", dir, "--set", "batch_size=8", "--set", "eval_every=0",
            "--set", "sample_every=0", "--set", "checkpoint_every=0", "--set", "diagnostics_every=0", "--set", "log_every=1", "--set", "grid_size=4"];
        var (code, stdout, stderr) = CliProcess.Run(RepositoryRoot(), Limit, ["demo", .. tiny]);
        Assert.True(code == 0, stdout + stderr);

        var (header, rows) = SweepTable.Build(dir);
        Assert.Equal(3, rows.Count);
        var at = (string column) => header.ToList().IndexOf(column);
        Assert.Equal(["simultaneous/cancel-interaction", "simultaneous/none", "alternating/none"],
            rows.Select(r => $"{r[at("scheme")]}/{r[at("regularisers")]}"));
        Assert.All(rows, r => Assert.Equal(("finished", "3"), (r[at("status")], r[at("step")])));
        Assert.All(rows, r => Assert.True(double.IsFinite(double.Parse(r[at("final_loss_d")], System.Globalization.CultureInfo.InvariantCulture))));
        var report = Path.Combine(dir, "report.html");
        Assert.True(File.Exists(report));
        Assert.Contains($"report:       {Path.GetFullPath(report)}", stdout);

        // Again: the finished sweep is kept and re-reported; asking for new settings on it is a clear error.
        (code, stdout, stderr) = CliProcess.Run(RepositoryRoot(), Limit, "demo", "--out", dir);
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("continuing the sweep", stdout);
        (code, _, stderr) = CliProcess.Run(RepositoryRoot(), Limit, "demo", "--out", dir, "--steps", "5");
        Assert.Equal(2, code);
        Assert.Contains("already holds", stderr);
    }

    private static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, "samples", "sweeps"))) return d.FullName;
        throw new DirectoryNotFoundException("samples/sweeps not found above the test assembly");
    }
}
