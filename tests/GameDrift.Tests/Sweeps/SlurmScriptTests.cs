using System.Diagnostics;
using GameDrift.Sweeps;
using GameDrift.Training;

namespace GameDrift.Tests.Sweeps;

public class SlurmScriptTests
{
    private static readonly WorkerCommand Cli = new("/opt/dotnet/dotnet", ["/opt/gamedrift/GameDrift.Cli.dll"]);

    private static (string Dir, SweepPlan Plan) Emit(TempDirectory tmp, string axes = "  scheme: [simultaneous, alternating]\n  seed: [0, 1, 2]\n", params string[] sbatch)
    {
        var plan = SweepPlan.Expand(SweepConfig.Parse("name: ratio\naxes:\n" + axes, "s.yaml", tmp.Path));
        var dir = tmp.Combine("sweep");
        SweepLayout.Write(plan, dir);
        SlurmScript.Write(dir, plan.Sweep.Name, Cli, sbatch);
        return (dir, plan);
    }

    /// <summary>Runs the script as array task <paramref name="task"/> with GAMEDRIFT set to a stub that records its
    /// arguments and exits with <paramref name="stubExit"/>; returns the script's exit code and the recorded arguments.</summary>
    private static (int Exit, string[] Args, string Output) RunTask(TempDirectory tmp, string dir, int task, int stubExit = 0, string? cpus = null)
    {
        var record = tmp.Combine($"args-{task}-{Guid.NewGuid():N}.txt");
        var stub = tmp.Combine("stub.sh");
        File.WriteAllText(stub, $"#!/bin/bash\nfor a in \"$@\"; do echo \"$a\" >> \"$RECORD\"; done\nexit $STUB_EXIT\n");
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(dir, SlurmScript.FileName));
        psi.Environment["SLURM_ARRAY_TASK_ID"] = task.ToString();
        psi.Environment["GAMEDRIFT"] = "bash " + stub;
        psi.Environment["RECORD"] = record;
        psi.Environment["STUB_EXIT"] = stubExit.ToString();
        if (cpus != null) psi.Environment["SLURM_CPUS_PER_TASK"] = cpus;
        else psi.Environment.Remove("SLURM_CPUS_PER_TASK");
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, File.Exists(record) ? File.ReadAllLines(record) : [], output);
    }

    [Fact]
    public void ArraySizeIsTheNumberOfCells()
    {
        using var tmp = new TempDirectory();
        var (dir, plan) = Emit(tmp, sbatch: ["--time=04:00:00", "--partition=long"]);
        var script = File.ReadAllLines(Path.Combine(dir, SlurmScript.FileName));
        Assert.Equal(6, plan.Cells.Count);
        Assert.Contains("#SBATCH --array=0-5", script);
        Assert.Contains("#SBATCH --job-name=ratio", script);
        Assert.Contains("#SBATCH --time=04:00:00", script);
        Assert.Contains("#SBATCH --partition=long", script);
        Assert.DoesNotContain(script, l => l.StartsWith("#SBATCH --gres"));
        Assert.Equal(plan.Cells.Select(c => c.RelativePath), File.ReadAllLines(Path.Combine(dir, SweepLayout.CellsList)));
        // The aggregate command is in the script's header.
        Assert.Contains(script, l => l.Contains("sweep --aggregate") && l.Contains("/opt/gamedrift/GameDrift.Cli.dll"));
    }

    [Fact]
    public void CudaCellsAskForAGpu()
    {
        using var tmp = new TempDirectory();
        var (dir, _) = Emit(tmp, "  device: [cuda]\n  seed: [0, 1]\n");
        Assert.Contains("#SBATCH --gres=gpu:1", File.ReadAllLines(Path.Combine(dir, SlurmScript.FileName)));
    }

    [Fact]
    public void EachTaskTrainsItsOwnCell()
    {
        using var tmp = new TempDirectory();
        var (dir, plan) = Emit(tmp);
        foreach (var task in new[] { 0, 4, 5 })
        {
            var (exit, args, output) = RunTask(tmp, dir, task);
            Assert.True(exit == 0, output);
            var cell = Path.Combine(dir, plan.Cells[task].RelativePath);
            Assert.Equal(new[] { "train", "--config", Path.Combine(cell, "config.yaml"), "--out", cell, "--overwrite" }, args);
        }
    }

    [Fact]
    public void TaskResumesFromACheckpointSkipsADoneCellAndTreatsDivergenceAsAResult()
    {
        using var tmp = new TempDirectory();
        var (dir, plan) = Emit(tmp);
        string Cell(int i) => Path.Combine(dir, plan.Cells[i].RelativePath);

        Directory.CreateDirectory(Path.Combine(Cell(1), "checkpoints"));
        File.WriteAllText(Path.Combine(Cell(1), "checkpoints", "latest.pt"), "");
        Assert.Contains("--resume", RunTask(tmp, dir, 1).Args);

        new RunStatus(RunStatus.Finished, 10).Save(Cell(2));
        var skipped = RunTask(tmp, dir, 2);
        Assert.Equal(0, skipped.Exit);
        Assert.Empty(skipped.Args);

        Assert.Equal(0, RunTask(tmp, dir, 3, stubExit: 3).Exit);  // diverged
        Assert.Equal(2, RunTask(tmp, dir, 3, stubExit: 2).Exit);  // bad input fails the task
        Assert.NotEqual(0, RunTask(tmp, dir, 6).Exit);            // past the last cell
    }

    [Fact]
    public void TaskPassesSlurmCpusAsThreadsOnlyWhenTheConfigLeavesThreadsOpen()
    {
        using var tmp = new TempDirectory();
        var (dir, _) = Emit(tmp, "  threads: [0, 3]\n");
        var open = RunTask(tmp, dir, 0, cpus: "8").Args;
        Assert.Equal(new[] { "--set", "threads=8" }, open[^2..]);
        Assert.DoesNotContain("--set", RunTask(tmp, dir, 1, cpus: "8").Args);
        Assert.DoesNotContain("--set", RunTask(tmp, dir, 0).Args);
    }
}
