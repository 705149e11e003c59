using GameDrift.Sweeps;
using GameDrift.Tests.Support;

namespace GameDrift.Tests.Cli;

/// <summary>The main job's command (<c>gamedrift demo</c>) end to end at toy size, from a plan file: the Dirac-GAN
/// phase diagrams, the ring-of-Gaussians runs and runs.csv, the three Fashion-MNIST runs of
/// samples/sweeps/fmnist-core.yaml as a sweep, report.html with its findings; a second call continues the same directory.</summary>
[Collection(GameDrift.Tests.Sweeps.SweepWorkersCollection.Name)]
public class DemoCommandTests
{
    private const string FashionMnist = "/usr/share/datasets/fashion-mnist";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(240);

    private const string TinyPlan = """
        workers: 2
        dirac:
          steps: 20
          lr_d_range: 0.05:0.5:3
          ratio_range: 0.5:2:3
          regularisers: [none, "cancel-interaction:paper"]
          trajectories:
            - { scheme: alternating, lr_d: 0.1, lr_g: 0.1, steps: 10, reg: none }
        mog:
          steps: 4
          hidden: 8
          batch: 16
          eval_every: 2
          std: 0.1
          lrs: [0.1, 0.2]
          seeds: [0, 1]
          methods:
            simultaneous: { scheme: simultaneous, reg: none }
            alternating: { scheme: alternating, reg: none, lrs: [0.2] }
        images:
          set: [steps=3, batch_size=8, eval_every=0, sample_every=0, checkpoint_every=0, diagnostics_every=0, log_every=1, grid_size=4]
        """;

    [Fact]
    public void TinyDemoRunsTheThreePartsAndWritesTheReport()
    {
        Assert.True(Directory.Exists(FashionMnist), $"{FashionMnist} is missing: install dataset-fashion-mnist (scripts/setup.sh does)");
        using var tmp = new TempDirectory();
        var plan = tmp.Combine("plan.yaml");
        File.WriteAllText(plan, TinyPlan);
        var dir = tmp.Combine("demo");
        var (code, stdout, stderr) = CliProcess.Run(RepositoryRoot(), Limit, "demo", "--plan", plan, "--out", dir);
        Assert.True(code == 0, stdout + stderr);

        Assert.Equal(["phase-alternating-cancel-interaction-paper", "phase-alternating-none", "phase-simultaneous-cancel-interaction-paper",
                      "phase-simultaneous-none", "trajectory-1-alternating-none-lr_d0.1-lr_g0.1"],
            Directory.GetDirectories(Path.Combine(dir, "dirac")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Path.Combine(dir, "dirac", "phase-simultaneous-none", "sweep.png")));
        var runs = GameDrift.Io.Csv.CsvTable.Load(Path.Combine(dir, "mog", "runs.csv"));
        // Simultaneous at both rates, alternating only at its own; each scored by its second half (steps 2 and 4).
        Assert.Equal(6, runs.Rows.Count);
        Assert.Equal(["0.2", "0.2"], Enumerable.Range(0, 6).Where(r => runs.Get(r, "method") == "alternating").Select(r => runs.Get(r, "lr_d")));
        Assert.All(Enumerable.Range(0, 6), r => Assert.Equal(("finished", "4"), (runs.Get(r, "status"), runs.Get(r, "step"))));
        Assert.All(Enumerable.Range(0, 6), r => Assert.True(double.TryParse(runs.Get(r, "modes_covered_late"), out _)));

        var (header, rows) = SweepTable.Build(Path.Combine(dir, "fmnist"));
        Assert.Equal(3, rows.Count);
        var at = (string column) => header.ToList().IndexOf(column);
        Assert.Equal(["simultaneous/cancel-interaction", "simultaneous/none", "alternating/none"],
            rows.Select(r => $"{r[at("scheme")]}/{r[at("regularisers")]}"));
        Assert.All(rows, r => Assert.Equal(("finished", "3"), (r[at("status")], r[at("step")])));
        var report = Path.Combine(dir, "report.html");
        Assert.Contains("<h2>Findings</h2>", File.ReadAllText(report));
        Assert.Contains($"report:       {Path.GetFullPath(report)}", stdout);
        Assert.Contains("Alternating updates beat simultaneous updates", stdout);

        // Again: finished runs are kept and re-reported; asking for new settings on it is a clear error.
        (code, stdout, stderr) = CliProcess.Run(RepositoryRoot(), Limit, "demo", "--out", dir);
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("continuing the main job", stdout);
        Assert.Contains("(0 to train)", stdout);
        (code, _, stderr) = CliProcess.Run(RepositoryRoot(), Limit, "demo", "--out", dir, "--steps", "5");
        Assert.Equal(2, code);
        Assert.Contains("already holds", stderr);
        (code, _, stderr) = CliProcess.Run(RepositoryRoot(), Limit, "demo", "--out", dir, "--plan", plan);
        Assert.Equal(2, code);
        Assert.Contains("already holds", stderr);
    }

    [Fact]
    public void ThePlanFilesOfTheRepositoryLoad()
    {
        foreach (var name in new[] { "demo.yaml", "demo-full.yaml" })
        {
            var plan = GameDrift.Cli.Demo.DemoPlan.Load(Path.Combine(RepositoryRoot(), "samples", name));
            Assert.True(plan.Mog.Seeds.Count >= 3, $"{name}: the findings need at least 3 seeds");
            Assert.DoesNotContain(plan.Mog.Seeds, s => s >= 100);   // 100+ are the tuning seeds
        }
    }

    [Fact]
    public void ABadPlanIsOneClearError()
    {
        using var tmp = new TempDirectory();
        var plan = tmp.Combine("plan.yaml");
        File.WriteAllText(plan, "mog:\n  stepz: 3\n");
        var (code, _, stderr) = CliProcess.Run(RepositoryRoot(), Limit, "demo", "--plan", plan, "--out", tmp.Combine("out"));
        Assert.Equal(2, code);
        Assert.Contains("plan.yaml", stderr);
        Assert.Contains("stepz", stderr);
    }

    private static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, "samples", "sweeps"))) return d.FullName;
        throw new DirectoryNotFoundException("samples/sweeps not found above the test assembly");
    }
}
