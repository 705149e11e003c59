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

    public static Command Create()
    {
        var config = new Option<FileInfo>("--config") { Description = "YAML run config (see samples/configs).", Required = true };
        var set = new Option<string[]>("--set") { Description = "Override a config key: key=value (repeatable).", AllowMultipleArgumentsPerToken = true };
        var outDir = new Option<string?>("--out") { Description = "Run directory (default: outputs/<config name>)." };
        var resume = new Option<bool>("--resume") { Description = "Continue from the run directory's checkpoints/latest.pt." };
        var cmd = new Command("train", "Train a GAN from a config and write its run directory.") { config, set, outDir, resume };
        cmd.SetAction(r => Run(r.GetValue(config)!, r.GetValue(set) ?? [], r.GetValue(outDir), r.GetValue(resume)));
        return cmd;
    }

    public static int Run(FileInfo configFile, IReadOnlyList<string> overrides, string? outDir, bool resume)
    {
        ImageGanGames.Register();
        var config = ConfigLoader.Load(configFile.FullName, overrides);
        var dir = outDir ?? Path.Combine("outputs", Path.GetFileNameWithoutExtension(configFile.Name));
        var result = Train(config, dir, resume, Path.GetFileNameWithoutExtension(configFile.Name));
        return result.Diverged ? Diverged : 0;
    }

    /// <summary>Runs with a progress display and prints where the outputs are.</summary>
    public static TrainResult Train(RunConfig config, string dir, bool resume, string title)
    {
        var trainer = new Trainer(config, dir);
        TrainResult? result = null;
        ProgressDisplay.Run(title, 0, config.Steps, sink => result = trainer.Run(resume, sink));
        var full = Path.GetFullPath(dir);
        if (result!.Diverged)
            Console.Error.WriteLine($"gamedrift: run diverged at step {result.Step} (NaN/Inf); see {Path.Combine(full, "status.json")}; the last good checkpoint is kept");
        Console.WriteLine($"outputs in {full}: metrics.csv, samples/, checkpoints/latest.pt, log.txt, config.yaml");
        return result;
    }
}
