using GameDrift.Training;

namespace GameDrift.Tests.Training;

/// <summary>The run directory's policy: never two runs mixed in one directory, one trainer at a time, an interrupted
/// run says so at the step it reached, and a run that fails before its first step leaves no directory.</summary>
[Collection(GlobalRngCollection.Name)]
public class RunFolderTests
{
    [Fact]
    public void AFreshStartOverAnEarlierRunIsRefusedAndOverwriteStartsClean()
    {
        using var tmp = new TempDirectory();
        var dir = tmp.Combine("run");
        Assert.Equal(RunStatus.Finished, new Trainer(TinyGan.Config("steps=6", "sample_every=3"), dir).Run().State);
        Assert.True(File.Exists(Path.Combine(dir, "samples", "step_000006.png")));

        var e = Assert.Throws<ArgumentException>(() => new Trainer(TinyGan.Config("steps=2"), dir).Run());
        Assert.Contains("--resume", e.Message);
        Assert.Contains("--overwrite", e.Message);
        Assert.Equal(6, (int)MetricsLog.Read(Path.Combine(dir, "metrics.csv")).Rows.Count); // untouched

        Assert.Equal(RunStatus.Finished, new Trainer(TinyGan.Config("steps=2", "sample_every=1"), dir) { Overwrite = true }.Run().State);
        Assert.Equal(["step_000001.png", "step_000002.png"],
            Directory.GetFiles(Path.Combine(dir, "samples")).Select(Path.GetFileName).Order().ToArray());
        Assert.Equal(1, Directory.GetFiles(Path.Combine(dir, "tensorboard")).Length);
        Assert.Equal(2, MetricsLog.Read(Path.Combine(dir, "metrics.csv")).Rows.Count);
    }

    [Fact]
    public void OverwriteKeepsFilesARunDoesNotWrite()
    {
        using var tmp = new TempDirectory();
        new Trainer(TinyGan.Config("steps=2"), tmp.Path).Run();
        File.WriteAllText(tmp.Combine("cell.json"), "{}");
        new Trainer(TinyGan.Config("steps=2"), tmp.Path) { Overwrite = true }.Run();
        Assert.True(File.Exists(tmp.Combine("cell.json")));
    }

    [Fact]
    public void ASecondTrainerOnTheSameDirectoryIsRefusedWhileTheFirstHoldsIt()
    {
        using var tmp = new TempDirectory();
        using (RunFolder.Open(tmp.Path, resume: false, overwrite: false))
        {
            var e = Assert.Throws<ArgumentException>(() => new Trainer(TinyGan.Config("steps=2"), tmp.Path).Run());
            Assert.Contains("another trainer", e.Message);
        }
        Assert.Equal(RunStatus.Finished, new Trainer(TinyGan.Config("steps=2"), tmp.Path).Run().State);
        Assert.False(File.Exists(tmp.Combine(RunFolder.LockName)));
    }

    [Fact]
    public void AStoppedRunIsInterruptedAtTheStepReachedWithACheckpointThere()
    {
        using var tmp = new TempDirectory();
        using var stop = new CancellationTokenSource();
        var sink = new StopAt(3, stop);
        var result = new Trainer(TinyGan.Config("steps=6", "checkpoint_every=0"), tmp.Path) { Stop = stop.Token }.Run(progress: sink);
        Assert.Equal(RunStatus.Interrupted, result.State);
        Assert.Equal(3, result.Step);
        var status = RunStatus.Load(tmp.Path)!;
        Assert.Equal((RunStatus.Interrupted, 3L), (status.State, status.Step));
        using (var c = Checkpoint.Load(tmp.Combine("checkpoints", "latest.pt"))) Assert.Equal(3, c.Step);
        Assert.Equal(RunStatus.Finished, new Trainer(TinyGan.Config("steps=6"), tmp.Path).Run(resume: true).State);
    }

    [Fact]
    public void ARunThatFailsBeforeItsFirstStepLeavesNoDirectory()
    {
        using var tmp = new TempDirectory();
        var dir = tmp.Combine("new-run");
        var config = new RunConfig { Data = "cifar10", DataDir = tmp.Combine("no-such-data"), Steps = 2 };
        Assert.ThrowsAny<Exception>(() => new Trainer(config, dir).Run());
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void ResumeAndOverwriteTogetherAreRefused() =>
        Assert.Throws<ArgumentException>(() => RunFolder.Open(Path.GetTempPath(), resume: true, overwrite: true));

    [Fact]
    public void UnmeasuredDriftTermsAreBlankNotNaNAndTheOutputsLineNamesOnlyWhatExists()
    {
        using var tmp = new TempDirectory();
        new Trainer(TinyGan.Config("steps=3", "log_every=2", "diagnostics_every=0"), tmp.Path).Run();
        var lines = File.ReadAllLines(tmp.Combine("metrics.csv"));
        Assert.DoesNotContain(lines, l => l.Contains("NaN"));
        var (header, rows) = MetricsLog.Read(tmp.Combine("metrics.csv"));
        var drift = Array.IndexOf(header, "self_drift_d");
        Assert.All(rows, r => Assert.Null(r[drift]));
        Assert.Contains("checkpoints/latest.pt", RunOutputs.Describe(tmp.Path));
        File.Delete(tmp.Combine("checkpoints", "latest.pt"));
        Assert.DoesNotContain("latest.pt", RunOutputs.Describe(tmp.Path));
    }

    private sealed class StopAt(long step, CancellationTokenSource stop) : IProgressSink
    {
        public void Update(long s, string summary)
        {
            if (s == step) stop.Cancel();
        }
    }
}
