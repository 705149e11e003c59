using GameDrift.Games;
using System.CommandLine;
using System.Runtime.InteropServices;
using GameDrift.Games.ImageGans;
using GameDrift.Sweeps;
using GameDrift.Cli.Progress;
using GameDrift.Training;

namespace GameDrift.Cli.Commands;

/// <summary><c>gamedrift sweep</c>: expand a sweep config into cells and train them in parallel worker processes
/// (<c>--workers</c>), continue one (<c>--resume</c>), write a Slurm job array instead (<c>--emit slurm</c>), or
/// rebuild sweep.csv from the cell directories (<c>--aggregate DIR</c>).</summary>
internal static class SweepCommand
{
    /// <summary>Exit codes: some cell failed (crash or bad config) / the sweep was stopped and can be resumed.</summary>
    public const int SomeFailed = 1, Interrupted = 130;

    public static Command Create()
    {
        var config = new Option<FileInfo?>("--config") { Description = "Sweep YAML (see samples/sweeps)." };
        var workers = new Option<int?>("--workers") { Description = "Cells trained at once, each in its own process (default: the sweep's 'workers', else 1)." };
        var outDir = new Option<string?>("--out") { Description = "Sweep directory (default: outputs/<sweep name>)." };
        var resume = new Option<bool>("--resume") { Description = "Continue the sweep in --out: skip finished cells, resume the others from their checkpoints." };
        var set = new Option<string[]>("--set") { Description = "Override a run-config key in every cell: key=value (repeatable; not an axis key).", AllowMultipleArgumentsPerToken = true };
        var steps = new Option<int?>("--steps") { Description = "Shorthand for --set steps=N." };
        var emit = new Option<string?>("--emit") { Description = "Write a cluster job instead of running: 'slurm' (a job array, one task per cell)." };
        var sbatch = new Option<string[]>("--sbatch") { Description = "Extra #SBATCH option for --emit slurm, e.g. --sbatch=--time=04:00:00 (repeatable)." };
        var aggregate = new Option<string?>("--aggregate") { Description = "Rebuild DIR/sweep.csv from the cell directories and exit." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the cells and exit without writing anything." };
        var cmd = new Command("sweep", "Run a sweep of training runs (grid over config keys) in parallel worker processes; write sweep.csv.")
        { config, workers, outDir, resume, set, steps, emit, sbatch, aggregate, dryRun };
        cmd.SetAction(r => Run(new Args(r.GetValue(config), r.GetValue(workers), r.GetValue(outDir), r.GetValue(resume),
            r.GetValue(set) ?? [], r.GetValue(steps), r.GetValue(emit), r.GetValue(sbatch) ?? [], r.GetValue(aggregate), r.GetValue(dryRun))));
        return cmd;
    }

    internal sealed record Args(FileInfo? Config, int? Workers, string? Out, bool Resume, string[] Set, int? Steps,
        string? Emit, string[] Sbatch, string? Aggregate, bool DryRun);

    internal static int Run(Args a)
    {
        if (a.Aggregate is { } aggDir)
        {
            if (a.Config != null || a.Resume || a.Emit != null) throw new ArgumentException("--aggregate DIR takes no other options");
            return Aggregate(aggDir);
        }
        var overrides = a.Set.ToList();
        if (a.Steps is { } n) overrides.Add($"steps={n}");
        var sweep = a.Config is null ? null : SweepConfig.Load(a.Config.FullName);
        var dir = a.Out ?? (sweep != null ? Path.Combine("outputs", sweep.Name)
            : throw new ArgumentException("give --config FILE (a new sweep) or --resume --out DIR (an existing one)"));
        var plan = sweep is null ? null : SweepPlan.Expand(sweep, overrides);

        if (a.DryRun)
        {
            if (plan is null) throw new ArgumentException("--dry-run needs --config");
            Console.WriteLine($"{plan.Cells.Count} cells of sweep {plan.Sweep.Name} (axes: {string.Join(", ", plan.AxisKeys)}):");
            foreach (var c in plan.Cells) Console.WriteLine($"  {c.RelativePath}  ({c.Config.Steps} steps)");
            return 0;
        }

        var existing = SweepLayout.ReadCells(dir, required: false);
        if (a.Resume && existing.Count > 0)
        {
            if (overrides.Count > 0) throw new ArgumentException("--set/--steps apply to a new sweep; a resumed sweep keeps its cells' configs");
            if (plan != null && !existing.Select(c => c.RelativePath).SequenceEqual(plan.Cells.Select(c => c.RelativePath)))
                throw new ArgumentException($"{dir} holds a different sweep than {a.Config!.FullName} (its cells differ); choose another --out");
        }
        else
        {
            if (plan is null) throw new ArgumentException($"{dir} holds no sweep to resume; give --config to start one");
            SweepLayout.Write(plan, dir);
            Console.WriteLine($"sweep {plan.Sweep.Name}: {plan.Cells.Count} cells in {Path.GetFullPath(dir)}");
        }

        if (a.Emit is { } emit)
        {
            if (emit != "slurm") throw new ArgumentException($"--emit: unknown target '{emit}' (known: slurm)");
            PreflightCells(dir);
            var command = WorkerCommand.ForCurrentProcess();
            var script = SlurmScript.Write(dir, plan?.Sweep.Name ?? Path.GetFileName(Path.GetFullPath(dir)), command, a.Sbatch);
            Console.WriteLine($"wrote {script} (a job array of {SweepLayout.ReadCells(dir).Count} tasks, one per cell)");
            Console.WriteLine($"submit:      sbatch {script}");
            Console.WriteLine($"afterwards:  {SlurmScript.AggregateCommand(command, dir)}");
            Console.WriteLine($"or chained:  sbatch --dependency=afterany:<JOBID> --wrap \"{SlurmScript.AggregateCommand(command, dir).Replace("\"", "\\\"")}\"");
            return 0;
        }
        return Execute(dir, a.Workers ?? sweep?.Workers ?? 1);
    }

    /// <summary>Checks every cell's config before a job array is written, so a bad one is refused here with one line
    /// naming the cell instead of failing every task on the cluster.</summary>
    private static void PreflightCells(string dir)
    {
        BuiltInGames.Register();
        foreach (var cell in SweepLayout.ReadCells(dir))
        {
            try { RunPreflight.Check(ConfigLoader.Load(Path.Combine(dir, cell.RelativePath, "config.yaml"))); }
            catch (Exception e) when (e is ArgumentException or IOException or FormatException)
            {
                throw new ArgumentException($"cell {cell.Name}: {e.Message} (nothing was emitted)");
            }
        }
    }

    private static int Execute(string dir, int workers)
    {
        using var cts = new CancellationTokenSource();
        // First Ctrl-C (or SIGTERM): stop the workers, mark their cells interrupted, write sweep.csv. A second one kills.
        void Stop(PosixSignalContext ctx)
        {
            if (cts.IsCancellationRequested) return;
            ctx.Cancel = true;
            cts.Cancel();
        }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        var command = WorkerCommand.ForCurrentProcess();
        var title = $"sweep {Path.GetFileName(Path.GetFullPath(dir))}, {workers} worker{(workers == 1 ? "" : "s")}";
        var summary = SweepProgressView.Run(title, observer => new SweepRunner(dir, command, workers) { Observer = observer }.Run(cts.Token));
        Console.WriteLine($"cells: {summary.Finished} finished, {summary.Diverged} diverged, {summary.Failed} failed" +
                          (summary.Interrupted + summary.Pending > 0 ? $", {summary.Interrupted} interrupted, {summary.Pending} not run" : "") +
                          $" in {summary.Elapsed.TotalMinutes:F1} min");
        Console.WriteLine($"results: {Path.GetFullPath(summary.CsvPath)}");
        if (cts.IsCancellationRequested)
        {
            Console.WriteLine($"stopped; continue with: gamedrift sweep --resume --out {dir}");
            return Interrupted;
        }
        if (summary.Failed > 0)
        {
            Console.Error.WriteLine($"gamedrift: {summary.Failed} cell(s) failed; see their worker.log and status.json (sweep.csv lists them)");
            return SomeFailed;
        }
        return 0;
    }

    private static int Aggregate(string dir)
    {
        var path = SweepTable.Write(dir);
        var (header, rows) = SweepTable.Build(dir);
        var status = header.ToList().IndexOf("status");
        var byState = rows.GroupBy(r => r[status]);
        Console.WriteLine($"{rows.Count} cells: {string.Join(", ", byState.Select(g => $"{g.Count()} {g.Key}"))}");
        Console.WriteLine($"wrote {Path.GetFullPath(path)}");
        return 0;
    }
}
