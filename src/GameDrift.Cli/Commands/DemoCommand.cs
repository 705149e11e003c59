using System.CommandLine;
using System.Globalization;
using GameDrift.Games.ImageGans;
using GameDrift.Training;

namespace GameDrift.Cli.Commands;

/// <summary>The README's main job: the embedded Fashion-MNIST GAN trained with SGD, simultaneous updates, with
/// and without the drift regulariser that cancels the interaction terms; sample grids and metrics in outputs/demo.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var steps = new Option<int>("--steps") { Description = "Steps per run.", DefaultValueFactory = _ => DefaultSteps };
        var outDir = new Option<string>("--out") { Description = "Where the two run directories go.", DefaultValueFactory = _ => "outputs/demo" };
        var cmd = new Command("demo", "Train the Fashion-MNIST GAN with SGD (simultaneous), with and without cancelling the interaction drift.") { steps, outDir };
        cmd.SetAction(r => Run(r.GetValue(steps), r.GetValue(outDir)!));
        return cmd;
    }

    // Sized so the two runs together take about ten minutes on a 2-core machine (see bench/README.md).
    private const int DefaultSteps = 400;

    private static int Run(int steps, string outDir)
    {
        ImageGanGames.Register();
        var configs = FindConfigs();
        var results = new List<(string Name, TrainResult Result)>();
        foreach (var name in new[] { "fmnist-sgd-simultaneous", "fmnist-sgd-simultaneous-cancel" })
        {
            var config = ConfigLoader.Load(Path.Combine(configs, name + ".yaml"),
                new[] { $"steps={steps}", $"sample_every={Math.Max(1, steps / 4)}", $"checkpoint_every={Math.Max(1, steps / 4)}" });
            Console.WriteLine($"== {name}: {config.Steps} steps, lr_d={config.LrD}, lr_g={config.LrG}, regularisers: {(config.Regularisers.Length == 0 ? "none" : config.Regularisers)}");
            results.Add((name, TrainCommand.Train(config, Path.Combine(outDir, name), resume: false, name)));
        }
        Console.WriteLine();
        Console.WriteLine("final logged values (metrics.csv, last row):");
        foreach (var (name, r) in results) Console.WriteLine($"  {name,-32} {Summary(Path.Combine(r.RunDirectory, "metrics.csv"))} [{r.State} at step {r.Step}]");
        Console.WriteLine($"sample grids: {Path.GetFullPath(outDir)}/<run>/samples/*.png");
        return results.Any(r => r.Result.Diverged) ? TrainCommand.Diverged : 0;
    }

    private static string Summary(string metrics)
    {
        var (header, rows) = MetricsLog.Read(metrics);
        if (rows.Count == 0) return "(no rows)";
        var last = rows[^1];
        var wanted = header.Select((h, i) => (h, i)).Where(x => x.h.StartsWith("loss_") || x.h.StartsWith("grad_"));
        return string.Join("  ", wanted.Select(x => $"{x.h}={(last[x.i] is double v ? v.ToString("G4", CultureInfo.InvariantCulture) : "-")}"));
    }

    private static string FindConfigs()
    {
        for (var d = new DirectoryInfo(Directory.GetCurrentDirectory()); d != null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, "samples", "configs"))) return Path.Combine(d.FullName, "samples", "configs");
        throw new DirectoryNotFoundException("samples/configs not found; run the demo from the repository");
    }
}
