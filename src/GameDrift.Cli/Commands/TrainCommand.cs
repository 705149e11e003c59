using GameDrift.Games;
using System.CommandLine;
using GameDrift.Games.ImageGans;
using GameDrift.Cli.Progress;
using GameDrift.Training;

namespace GameDrift.Cli.Commands;

/// <summary><c>gamedrift train --config FILE [--set k=v ...] [--out DIR] [--resume]</c>.</summary>
internal static class TrainCommand
{
    /// <summary>Exit code of a run stopped by the divergence guard (distinct from bad input, 2).</summary>
    public const int Diverged = 3;

    /// <summary>Exit code of a run stopped by Ctrl-C or SIGTERM (128 + SIGINT, as a shell reports it).</summary>
    public const int Interrupted = 130;

    public static Command Create()
    {
        var config = new Option<FileInfo>("--config") { Description = "YAML run config (see samples/configs).", Required = true };
        var set = new Option<string[]>("--set") { Description = "Override a config key: key=value (repeatable).", AllowMultipleArgumentsPerToken = true };
        var outDir = new Option<string?>("--out") { Description = "Run directory (default: outputs/<config name>)." };
        var resume = new Option<bool>("--resume") { Description = "Continue from the run directory's checkpoints/latest.pt." };
        var overwrite = new Option<bool>("--overwrite") { Description = "Delete an earlier run's outputs in --out first (without it, such a directory is refused)." };
        var cmd = new Command("train", "Train a GAN from a config and write its run directory.") { config, set, outDir, resume, overwrite };
        cmd.SetAction(r => Run(r.GetValue(config)!, r.GetValue(set) ?? [], r.GetValue(outDir), r.GetValue(resume), r.GetValue(overwrite)));
        return cmd;
    }

    public static int Run(FileInfo configFile, IReadOnlyList<string> overrides, string? outDir, bool resume, bool overwrite = false)
    {
        BuiltInGames.Register();
        var config = ConfigLoader.Load(configFile.FullName, overrides);
        var dir = outDir ?? Path.Combine("outputs", Path.GetFileNameWithoutExtension(configFile.Name));
        // The progress lines name the run directory (a sweep cell's name), else the config file.
        var title = outDir is null ? Path.GetFileNameWithoutExtension(configFile.Name) : Path.GetFileName(Path.GetFullPath(outDir).TrimEnd('/'));
        var result = Train(config, dir, resume, title, overwrite);
        return result.Diverged ? Diverged : result.State == RunStatus.Interrupted ? Interrupted : 0;
    }

    /// <summary>Runs with a progress display and prints where the outputs are. Ctrl-C or SIGTERM stops the run
    /// after the current step (checkpointed, status "interrupted"); a second Ctrl-C ends the process at once.</summary>
    public static TrainResult Train(RunConfig config, string dir, bool resume, string title, bool overwrite = false)
    {
        using var stop = new CancellationTokenSource();
        void OnSignal(System.Runtime.InteropServices.PosixSignalContext ctx)
        {
            if (stop.IsCancellationRequested) return; // the second one: default handling ends the process
            ctx.Cancel = true;
            stop.Cancel();
            Console.Error.WriteLine("gamedrift: stopping after this step (Ctrl-C again to quit at once)");
        }
        using var sigint = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, OnSignal);
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, OnSignal);
        var trainer = new Trainer(config, dir) { Overwrite = overwrite, Stop = stop.Token };
        TrainResult? result = null;
        ProgressDisplay.Run(title, 0, config.Steps, sink => result = trainer.Run(resume, sink));
        var full = Path.GetFullPath(dir);
        if (result!.Diverged)
            Console.Error.WriteLine($"gamedrift: run diverged at step {result.Step} (NaN/Inf); see {Path.Combine(full, "status.json")}; the last good checkpoint is kept");
        if (result.State == RunStatus.Interrupted)
            Console.Error.WriteLine($"gamedrift: interrupted at step {result.Step}" + (Directory.Exists(full) ? $"; continue with --resume --out {dir}" : " before the first step; nothing was kept"));
        if (Directory.Exists(full)) Console.WriteLine(RunOutputs.Describe(full));
        return result;
    }
}
