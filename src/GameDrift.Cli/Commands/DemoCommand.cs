using GameDrift.Games;
using System.CommandLine;
using GameDrift.Data;
using GameDrift.Games.ImageGans;
using GameDrift.Cli.Demo;
using GameDrift.Reports;
using GameDrift.Reports.Tour;
using GameDrift.Sweeps;
using GameDrift.Training;

namespace GameDrift.Cli.Commands;

/// <summary>The README's main job, a short tour of discretisation drift in three parts sized by one plan file
/// (samples/demo.yaml; --full: demo-full.yaml): the Dirac-GAN phase diagrams and trajectories, the ring of Gaussians
/// over learning rates, methods and seeds, and the Fashion-MNIST comparison (samples/sweeps/fmnist-core.yaml, a sweep
/// in parallel worker processes scored with FID/IS under the data set's own classifier). It ends with report.html,
/// which opens with the findings table. Running it again continues the same directory (finished runs are kept).</summary>
internal static class DemoCommand
{
    public const string DefaultOut = "outputs/demo";

    public static Command Create()
    {
        var plan = new Option<string?>("--plan") { Description = "The plan file (default: samples/demo.yaml)." };
        var full = new Option<bool>("--full") { Description = "The longer version: samples/demo-full.yaml." };
        var steps = new Option<int?>("--steps") { Description = "Steps per Fashion-MNIST run (default: the sweep file's)." };
        var workers = new Option<int?>("--workers") { Description = "Runs trained at once (default: the plan's)." };
        var outDir = new Option<string>("--out") { Description = "The output directory.", DefaultValueFactory = _ => DefaultOut };
        var set = new Option<string[]>("--set") { Description = "Override a run-config key in every Fashion-MNIST run: key=value (repeatable).", AllowMultipleArgumentsPerToken = true };
        var cmd = new Command("demo", "The main job: Dirac-GAN phase diagrams, the ring of Gaussians over learning rates and seeds, " +
                                      "and Fashion-MNIST, ending with report.html and its findings table.") { plan, full, steps, workers, outDir, set };
        cmd.SetAction(r => CliErrors.Run(() => Run(r.GetValue(plan), r.GetValue(full), r.GetValue(steps), r.GetValue(workers), r.GetValue(outDir)!, r.GetValue(set) ?? [])));
        return cmd;
    }

    private static int Run(string? planPath, bool full, int? steps, int? workers, string outDir, string[] set)
    {
        BuiltInGames.Register();
        var samples = FindSamples();
        var savedPlan = Path.Combine(outDir, TourReport.PlanFile);
        var continuing = File.Exists(savedPlan);
        if (continuing && (planPath is not null || full))
            throw new ArgumentException($"{outDir} already holds a main job; --plan/--full apply to a new one (choose another --out)");
        planPath ??= Path.Combine(samples, full ? "demo-full.yaml" : "demo.yaml");
        var plan = DemoPlan.Load(continuing ? savedPlan : planPath);
        Directory.CreateDirectory(outDir);
        if (!continuing) File.Copy(planPath, savedPlan);
        else Console.WriteLine($"continuing the main job in {Path.GetFullPath(outDir)} (finished runs are kept)");
        var n = workers ?? plan.Workers;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var dirac = Path.Combine(outDir, "dirac");
        if (!Directory.Exists(dirac)) DiracTour.Run(plan.Dirac, dirac);
        Console.WriteLine($"  part 1 done at {clock.Elapsed:mm\\:ss}");
        MogCells.Run(plan.Mog, Path.Combine(outDir, "mog"), n);
        Console.WriteLine($"  part 2 done at {clock.Elapsed:mm\\:ss}");
        var code = Images(plan.Images, samples, Path.Combine(outDir, "fmnist"), n, steps, set);
        if (code == SweepCommand.Interrupted) return code;
        Console.WriteLine($"  part 3 done at {clock.Elapsed:mm\\:ss}");

        Console.WriteLine();
        var fmnist = Path.Combine(outDir, "fmnist");
        if (SweepLayout.ReadCells(fmnist, required: false).Count > 0)
        {
            PrintSummary(fmnist);
            Report.Write(fmnist);
        }
        var report = Report.Write(outDir);
        Console.WriteLine();
        Console.WriteLine("findings (report.html opens with them):");
        foreach (var f in FindingsTable.Build(outDir))
            Console.WriteLine($"  {f.Verdict,-26} {f.Claim} — {f.Evidence.Split(" (")[0]}");
        Console.WriteLine();
        Console.WriteLine($"report:       {report}");
        Console.WriteLine($"sample grids: {Path.GetFullPath(Path.Combine(fmnist, "cells"))}/<run>/samples/*.png");
        Console.WriteLine($"metrics:      {Path.GetFullPath(Path.Combine(outDir, "mog", "runs.csv"))}, {Path.GetFullPath(Path.Combine(fmnist, "sweep.csv"))}");
        Console.WriteLine($"time:         {clock.Elapsed:mm\\:ss} (this command)");
        return code;
    }

    /// <summary>Part 3: the Fashion-MNIST sweep (continued when it exists; --steps/--set apply to a new one only).</summary>
    private static int Images(DemoPlan.ImagesPart part, string samples, string outDir, int workers, int? steps, string[] cliSet)
    {
        var sweepFile = Path.GetFullPath(Path.Combine(samples, part.Sweep));
        var existing = SweepLayout.ReadCells(outDir, required: false).Count > 0;
        if (existing && (steps is not null || cliSet.Length > 0))
            throw new ArgumentException($"{outDir} already holds a Fashion-MNIST sweep; --steps/--set apply to a new one (choose another --out)");
        var set = part.Set.Concat(cliSet).ToArray();
        var overrides = set.Concat(steps is { } s ? [$"steps={s}"] : Array.Empty<string>()).ToList();
        if (!existing) PrepareMetrics(sweepFile, overrides);
        Console.WriteLine(existing ? $"part 3: continuing the Fashion-MNIST sweep in {Path.GetFullPath(outDir)}"
                                   : $"part 3: Fashion-MNIST, the runs of {sweepFile}");
        return SweepCommand.Run(new SweepCommand.Args(new FileInfo(sweepFile), workers, outDir, Resume: existing, existing ? [] : set, existing ? null : steps,
            null, [], null, false));
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
