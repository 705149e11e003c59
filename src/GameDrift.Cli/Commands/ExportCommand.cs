using GameDrift.Games;
using System.CommandLine;
using GameDrift.Games.ImageGans;
using GameDrift.Training.Export;

namespace GameDrift.Cli.Commands;

/// <summary><c>gamedrift export --run DIR --format pt|safetensors|torchscript [--checkpoint latest|best] [--out DIR]</c>: the
/// run's generator, discriminator and EMA generator as files PyTorch loads with <c>weights_only=True</c>, as safetensors,
/// or (networks that came from TorchScript files) as TorchScript.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var run = new Option<DirectoryInfo>("--run") { Description = "Run directory (with config.yaml and checkpoints/).", Required = true };
        var format = new Option<string>("--format") { Description = "pt (weights.pt + training.pt, torch.load(weights_only=True)), safetensors, or torchscript (networks from generator_script/discriminator_script, for torch.jit.load).", DefaultValueFactory = _ => "pt" };
        var checkpoint = new Option<string>("--checkpoint") { Description = "latest or best.", DefaultValueFactory = _ => "latest" };
        var outDir = new Option<string?>("--out") { Description = "Folder for the files (default: <run>/export)." };
        var cmd = new Command("export", "Export a run's networks as plain state dicts (PyTorch weights-only), safetensors or TorchScript.") { run, format, checkpoint, outDir };
        cmd.SetAction(r => Run(r.GetValue(run)!, r.GetValue(format)!, r.GetValue(checkpoint)!, r.GetValue(outDir)));
        return cmd;
    }

    private static int Run(DirectoryInfo run, string format, string checkpoint, string? outDir)
    {
        BuiltInGames.Register();
        if (!run.Exists) throw new DirectoryNotFoundException($"run directory not found: {run.FullName}");
        foreach (var f in RunExport.Run(run.FullName, format, checkpoint, outDir)) Console.WriteLine(Path.GetFullPath(f));
        return 0;
    }
}
