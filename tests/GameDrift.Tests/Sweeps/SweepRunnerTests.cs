using GameDrift.Io.Csv;
using System.Diagnostics;
using GameDrift.Sweeps;
using GameDrift.Tests.Support;
using GameDrift.Training;

namespace GameDrift.Tests.Sweeps;

[Collection(SweepWorkersCollection.Name)]
public class SweepRunnerTests
{
    [Fact]
    public void DivergingCellIsMarkedAndTheOthersFinish()
    {
        // The middle cell's learning rates overflow the losses within two steps.
        using var f = new SweepFixture(3, "  lr: {zip: {lr_d: [0.01, 1e30, 0.02], lr_g: [0.005, 1e30, 0.01]}}\n");
        var observer = new RecordingObserver();
        var summary = new SweepRunner(f.Dir, CliProcess.Command, workers: 2) { Observer = observer }.Run();

        Assert.Equal((2, 1, 0, 0, 0), (summary.Finished, summary.Diverged, summary.Failed, summary.Interrupted, summary.Pending));
        Assert.Equal(RunStatus.Finished, RunStatus.Load(f.CellDir(0))!.State);
        var diverged = RunStatus.Load(f.CellDir(1))!;
        Assert.Equal(RunStatus.Diverged, diverged.State);
        Assert.Equal(RunStatus.Finished, RunStatus.Load(f.CellDir(2))!.State);
        Assert.Equal(3, observer.Ended.Count);
        Assert.Equal(3, observer.Last!.Done);

        var table = CsvTable.Load(summary.CsvPath);
        var header = table.Header.ToList();
        var rows = table.Rows.ToArray();
        Assert.Equal(3, rows.Length);
        Assert.Equal(new[] { "finished", "diverged", "finished" }, rows.Select(r => r[header.IndexOf("status")]));
        Assert.Equal(new[] { "", diverged.Step.ToString(), "" }, rows.Select(r => r[header.IndexOf("diverged_step")]));
        Assert.Equal(new[] { "3", "3" }, new[] { rows[0], rows[2] }.Select(r => r[header.IndexOf("step")]));
        Assert.All(new[] { rows[0], rows[2] }, r => Assert.NotEqual("", r[header.IndexOf("final_loss_d")]));
    }

    [Fact]
    public async Task KilledWorkerIsMarkedFailedAndResumeFinishesEveryCell()
    {
        using var f = new SweepFixture(40, "  seed: [0, 1]\n");
        var victim = f.Plan.Cells[0];
        Task? killer = null;
        var observer = new RecordingObserver((cell, pid) =>
        {
            if (cell != victim.Name) return;
            // SIGKILL the worker once it has written a checkpoint, well before its last step.
            killer = Task.Run(() =>
            {
                var checkpoint = Path.Combine(f.CellDir(0), "checkpoints", "latest.pt");
                var clock = Stopwatch.StartNew();
                while (!File.Exists(checkpoint) && clock.Elapsed < TimeSpan.FromSeconds(50)) Thread.Sleep(10);
                try { Process.GetProcessById(pid).Kill(); }
                catch (ArgumentException) { }
            });
        });
        var first = new SweepRunner(f.Dir, CliProcess.Command, workers: 2) { Observer = observer }.Run();
        await killer!;

        Assert.Equal((1, 1), (first.Finished, first.Failed));
        var failed = RunStatus.Load(f.CellDir(0))!;
        Assert.Equal(RunStatus.Failed, failed.State);
        Assert.Contains("signal 9", failed.Message);
        Assert.True(failed.Step < 40, $"the worker was killed at step {failed.Step}");

        var again = new RecordingObserver();
        var second = new SweepRunner(f.Dir, CliProcess.Command, workers: 2) { Observer = again }.Run();
        Assert.Equal((2, 0), (second.Finished, second.Failed));
        Assert.Equal(new[] { (victim.Name, true) }, again.Started);  // only the killed cell runs again, from its checkpoint
        Assert.Equal(RunStatus.Finished, RunStatus.Load(f.CellDir(0))!.State);
        Assert.Contains("resumed from step", File.ReadAllText(Path.Combine(f.CellDir(0), "log.txt")));
        var steps = File.ReadAllLines(Path.Combine(f.CellDir(0), "metrics.csv")).Skip(1).Select(l => int.Parse(l.Split(',')[0])).ToArray();
        Assert.Equal(Enumerable.Range(1, 40), steps);  // rows past the checkpoint were dropped, then written again
    }
}
