using System.CommandLine;
using GameDrift.Data;
using GameDrift.Games.ImageGans;
using GameDrift.Reports;
using GameDrift.Sweeps;
using GameDrift.Training;

namespace GameDrift.Cli.Commands;

/// <summary>The README's main job: the paper's core comparison at CPU scale on the embedded Fashion-MNIST
/// (samples/sweeps/fmnist-core.yaml: SGD simultaneous, simultaneous + cancel-interaction, alternating), run as a
/// sweep in parallel worker processes, scored with FID/IS under the data set's own classifier, ending with
/// report.html. Running it again continues (or just re-reports) the same sweep directory.</summary>
internal static class DemoCommand
{
    public const string SweepName = "fmnist-core";

    public static Command Create()
    {
        var steps = new Option<int?>("--steps") { Description = "Steps per run (default: the sweep file's)." };
        var workers = new Option<int?>("--workers") { Description = "Runs trained at once (default: the sweep file's)." };
        var outDir = new Option<string>("--out") { Description = "The sweep directory.", DefaultValueFactory = _ => Path.Combine("outputs", SweepName) };
        var set = new Option<string[]>("--set") { Description = "Override a run-config key in every run: key=value (repeatable).", AllowMultipleArgumentsPerToken = true };
        var cmd = new Command("demo", "The paper's core comparison on Fashion-MNIST (SGD simultaneous, + cancel-interaction, alternating), " +
                                      "in parallel, with FID/IS and report.html.") { steps, workers, outDir, set };
        cmd.SetAction(r => Run(r.GetValue(steps), r.GetValue(workers), r.GetValue(outDir)!, r.GetValue(set) ?? []));
        return cmd;
    }

    private static int Run(int? steps, int? workers, string outDir, string[] set)
    {
        ImageGanGames.Register();
        var sweepFile = Path.Combine(FindSamples(), "sweeps", SweepName + ".yaml");
        var existing = SweepLayout.ReadCells(outDir, required: false).Count > 0;
        if (existing && (steps is not null || set.Length > 0))
            throw new ArgumentException($"{outDir} already holds a {SweepName} sweep; --steps/--set apply to a new one (choose another --out)");
        var overrides = set.Concat(steps is { } n ? [$"steps={n}"] : Array.Empty<string>()).ToList();
        if (!existing) PrepareMetrics(sweepFile, overrides);

        Console.WriteLine(existing ? $"continuing the sweep in {Path.GetFullPath(outDir)} (finished runs are kept)"
                                   : $"training the three runs of {sweepFile}");
        var code = SweepCommand.Run(new SweepCommand.Args(new FileInfo(sweepFile), workers, outDir, Resume: existing, existing ? [] : set, existing ? null : steps,
            null, [], null, false));
        if (code == SweepCommand.Interrupted) return code;

        Console.WriteLine();
        PrintSummary(outDir);
        var report = Report.Write(outDir);
        Console.WriteLine();
        Console.WriteLine($"report:       {report}");
        Console.WriteLine($"sample grids: {Path.GetFullPath(Path.Combine(outDir, "cells"))}/<run>/samples/*.png");
        Console.WriteLine($"metrics:      {Path.GetFullPath(Path.Combine(outDir, "sweep.csv"))} and <run>/metrics.csv");
        return code;
    }

    /// <summary>Trains (or loads) the fallback classifier and the real data's reference statistics once, before the
    /// workers start, so parallel runs find them cached instead of each computing them.</summary>
    private static void PrepareMetrics(string sweepFile, IReadOnlyList<string> overrides)
    {
        var plan = SweepPlan.Expand(SweepConfig.Load(sweepFile), overrides);
        var config = plan.Cells[0].Config;
        if (config.EvalEvery <= 0 || string.IsNullOrWhiteSpace(config.Metrics)) return;
        Console.WriteLine($"image metrics ({config.Metrics}, extractor '{config.Extractor}'): preparing the extractor and the real data's statistics " +
                          "(trained once, then cached)");
        var scratch = Path.Combine(Path.GetTempPath(), $"gamedrift-demo-{Environment.ProcessId}");
        try
        {
            using var evaluator = RunEvaluator.Create(config, DatasetLoader.Load(config), dataFromConfig: true, scratch, Console.WriteLine);
        }
        finally
        {
            if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>One line per run from sweep.csv: its axes, state, and final/best image metrics and losses.</summary>
    private static void PrintSummary(string dir)
    {
        var (header, rows) = SweepTable.Build(dir);
        var wanted = header.Select((h, i) => (h, i))
            .Where(x => x.h is "scheme" or "regularisers" or "status" or "step" || x.h.StartsWith("best_") || x.h.StartsWith("final_loss"))
            .ToList();
        Console.WriteLine("results (sweep.csv):");
        var widths = wanted.Select(x => Math.Max(x.h.Length, rows.Select(r => Format(r[x.i]).Length).DefaultIfEmpty(0).Max())).ToList();
        Console.WriteLine("  " + string.Join("  ", wanted.Select((x, k) => x.h.PadRight(widths[k]))));
        foreach (var r in rows)
            Console.WriteLine("  " + string.Join("  ", wanted.Select((x, k) => Format(r[x.i]).PadRight(widths[k]))));
        foreach (var col in header.Where(h => h.StartsWith("best_") && (h.Contains("fid_") || h.Contains("is_"))))
        {
            var i = header.ToList().IndexOf(col);
            var scored = rows.Where(r => double.TryParse(r[i], System.Globalization.CultureInfo.InvariantCulture, out _)).ToList();
            if (scored.Count == 0) continue;
            var lower = SweepTable.LowerIsBetter(col["best_".Length..]);
            var best = lower ? scored.MinBy(r => double.Parse(r[i], System.Globalization.CultureInfo.InvariantCulture))!
                             : scored.MaxBy(r => double.Parse(r[i], System.Globalization.CultureInfo.InvariantCulture))!;
            Console.WriteLine($"  best {col["best_".Length..]} ({(lower ? "lower" : "higher")} is better): {best[0]}");
        }
    }

    private static string Format(string cell) =>
        double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && cell.Length > 8
            ? v.ToString("G5", System.Globalization.CultureInfo.InvariantCulture) : cell;

    private static string FindSamples()
    {
        for (var d = new DirectoryInfo(Directory.GetCurrentDirectory()); d != null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, "samples", "sweeps"))) return Path.Combine(d.FullName, "samples");
        throw new DirectoryNotFoundException("samples/sweeps not found; run the main job from the repository");
    }
}
