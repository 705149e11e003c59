using System.Diagnostics;
using System.Runtime.InteropServices;
using GameDrift.Sweeps;
using GameDrift.Tests.Support;
using GameDrift.Training;

namespace GameDrift.Tests.Sweeps;

/// <summary><c>gamedrift sweep</c> end to end, in a child process.</summary>
[Collection(SweepWorkersCollection.Name)]
public class SweepCommandTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(50);

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    private const int SigInt = 2;

    [Fact]
    public async Task CtrlCStopsTheWorkersAndResumeFinishesTheSweep()
    {
        using var f = new SweepFixture(24, "  seed: [0, 1, 2]\n", write: false);
        using var sweep = CliProcess.Start(f.Root, "sweep", "--config", f.SweepFile, "--out", f.Dir, "--workers", "2");
        var output = sweep.StandardOutput.ReadToEndAsync();
        var errors = sweep.StandardError.ReadToEndAsync();
        // Ctrl-C once a worker has a checkpoint.
        var clock = Stopwatch.StartNew();
        while (!Enumerable.Range(0, 3).Any(i => File.Exists(Path.Combine(f.CellDir(i), "checkpoints", "latest.pt"))) && !sweep.HasExited && clock.Elapsed < Limit)
            Thread.Sleep(10);
        Assert.False(sweep.HasExited, "the sweep ended before any checkpoint");
        Assert.Equal(0, kill(sweep.Id, SigInt));
        Assert.True(sweep.WaitForExit(Limit));
        var (stdout, stderr) = (await output, await errors);

        Assert.True(130 == sweep.ExitCode, stdout + stderr);
        Assert.Contains("--resume", stdout);
        var states = Enumerable.Range(0, 3).Select(i => RunStatus.Load(f.CellDir(i))?.State ?? SweepTable.Pending).ToArray();
        Assert.Equal(2, states.Count(s => s == SweepTable.Interrupted));
        Assert.Equal(SweepTable.Pending, states[2]);  // two workers: the third cell never started
        var csv = File.ReadAllText(Path.Combine(f.Dir, SweepLayout.CsvFile));
        Assert.Contains("interrupted", csv);

        var resumed = CliProcess.Run(f.Root, Limit, "sweep", "--resume", "--out", f.Dir, "--workers", "2");
        Assert.True(resumed.ExitCode == 0, resumed.Stdout + resumed.Stderr);
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(RunStatus.Finished, RunStatus.Load(f.CellDir(i))!.State));
        var table = File.ReadAllText(Path.Combine(f.Dir, SweepLayout.CsvFile));

        // --aggregate rebuilds the same table from the cell directories.
        File.Delete(Path.Combine(f.Dir, SweepLayout.CsvFile));
        var aggregate = CliProcess.Run(f.Root, Limit, "sweep", "--aggregate", f.Dir);
        Assert.True(aggregate.ExitCode == 0, aggregate.Stdout + aggregate.Stderr);
        Assert.Equal(table, File.ReadAllText(Path.Combine(f.Dir, SweepLayout.CsvFile)));
        Assert.Contains("3 finished", aggregate.Stdout);
    }

    [Fact]
    public void EmitSlurmWritesTheCellsAndPrintsTheAggregateCommand()
    {
        using var f = new SweepFixture(5, "  scheme: [simultaneous, alternating]\n  seed: [0, 1]\n", write: false);
        var r = CliProcess.Run(f.Root, Limit, "sweep", "--emit", "slurm", "--config", f.SweepFile, "--out", f.Dir, "--sbatch=--time=01:00:00");
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        var script = File.ReadAllLines(Path.Combine(f.Dir, SlurmScript.FileName));
        Assert.Contains("#SBATCH --array=0-3", script);
        Assert.Contains("#SBATCH --time=01:00:00", script);
        Assert.All(f.Plan.Cells, c => Assert.True(File.Exists(Path.Combine(f.Dir, c.RelativePath, "config.yaml"))));
        Assert.Contains("sweep --aggregate", r.Stdout);
        Assert.Contains(CliProcess.DllPath, r.Stdout);
        Assert.False(File.Exists(Path.Combine(f.CellDir(0), "status.json")));  // nothing ran
    }

    [Fact]
    public void BadSweepFileIsACleanErrorNamingFileAndKey()
    {
        using var f = new SweepFixture(5, "  seed: [0]\n", write: false);
        File.WriteAllText(f.SweepFile, "base: base.yaml\naxes:\n  shceme: [simultaneous]\n");
        var r = CliProcess.Run(f.Root, Limit, "sweep", "--config", f.SweepFile, "--dry-run");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("tiny.yaml", r.Stderr);
        Assert.Contains("shceme", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }
}
