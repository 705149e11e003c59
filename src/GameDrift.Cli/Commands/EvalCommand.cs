using GameDrift.Games;
using System.CommandLine;
using System.Globalization;
using GameDrift.Games.ImageGans;
using GameDrift.Training;

namespace GameDrift.Cli.Commands;

/// <summary><c>gamedrift eval --run DIR [--metrics fid,is,kid] [--extractor classifier|inception] [--samples N]
/// [--checkpoint latest|best] [--inception PATH]</c>: scores a run's generator and writes DIR/eval.json.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var run = new Option<DirectoryInfo>("--run") { Description = "Run directory (with config.yaml and checkpoints/).", Required = true };
        var metrics = new Option<string?>("--metrics") { Description = "Comma-separated: fid, is, kid (default: the run's metrics, else fid,is)." };
        var extractor = new Option<string?>("--extractor") { Description = "classifier (trained on the data set, offline) or inception (default: the run's)." };
        var samples = new Option<int?>("--samples") { Description = "Generated images to score (default: the run's eval_samples)." };
        var checkpoint = new Option<string>("--checkpoint") { Description = "latest or best.", DefaultValueFactory = _ => "latest" };
        var inception = new Option<string?>("--inception") { Description = "Path of inception-2015-12-05.pt; selects the inception extractor (without it: $GAMEDRIFT_INCEPTION, then ~/.cache/gamedrift/)." };
        var cmd = new Command("eval", "Score a run's generator with FID / IS / KID and write eval.json into the run directory.")
            { run, metrics, extractor, samples, checkpoint, inception };
        cmd.SetAction(r => Run(r.GetValue(run)!, new RunScoring.Options(r.GetValue(metrics), r.GetValue(extractor), r.GetValue(samples),
            r.GetValue(checkpoint) ?? "latest", r.GetValue(inception))));
        return cmd;
    }

    public static int Run(DirectoryInfo run, RunScoring.Options options)
    {
        BuiltInGames.Register();
        if (!run.Exists) throw new DirectoryNotFoundException($"run directory not found: {run.FullName}");
        var result = RunScoring.Run(run.FullName, options, Console.Error.WriteLine);
        Console.WriteLine($"{run.FullName}: {result.Checkpoint} checkpoint (step {result.Step}), {result.Samples} samples, extractor {result.Extractor}");
        foreach (var (column, value) in result.Values)
        {
            var spread = result.Std.TryGetValue(column, out var s) ? string.Create(CultureInfo.InvariantCulture, $" ± {s:G4}") : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {column,-36} {value:G6}{spread}"));
        }
        Console.WriteLine($"written to {result.Path}");
        return 0;
    }
}
