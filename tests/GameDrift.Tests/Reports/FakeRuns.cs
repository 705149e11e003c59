using System.Globalization;
using GameDrift.Diagnostics;
using GameDrift.Io.Images;
using GameDrift.Training;

namespace GameDrift.Tests.Reports;

/// <summary>Run and sweep directories written the way the trainer and the sweep runner write them (config.yaml through
/// ConfigLoader, metrics.csv through MetricsLog, status.json through RunStatus, grids through ImageGrid), with metric
/// values from a known formula so tests can check what reports compute.</summary>
internal static class FakeRuns
{
    public const string Fid = "fid_fashion-mnist-classifier";
    public const int Steps = 40, EvalEvery = 20, GridCount = 6, GridSide = 8;
    public static readonly string[] Schemes = ["simultaneous", "alternating"];
    public static readonly double[] Ratios = [0.5, 1, 2];
    public static readonly long[] Seeds = [0, 1];
    /// <summary>The one cell that diverges, at <see cref="DivergedAt"/>.</summary>
    public const string DivergingScheme = "simultaneous";
    public const double DivergingRatio = 2;
    public const long DivergingSeed = 1, DivergedAt = 30;

    /// <summary>The FID a cell reaches at the end (its best: FID falls during the run).</summary>
    public static double FinalFid(string scheme, double ratio, long seed) =>
        40 + 12 * Math.Abs(Math.Log2(ratio / 0.5)) + (scheme == "alternating" ? -8 : 0) + 3 * seed;

    public static double FidAt(string scheme, double ratio, long seed, long step) => FinalFid(scheme, ratio, seed) + 400.0 / step - 400.0 / Steps;

    public static double LossPhi(string scheme, double ratio, long seed, long step) => 0.7 + 0.1 * ratio + 0.01 * seed + 1.0 / step;

    public static string CellName(string scheme, double ratio, long seed) =>
        string.Create(CultureInfo.InvariantCulture, $"cells/{scheme}-r{ratio}-s{seed}");

    public static bool Diverges(string scheme, double ratio, long seed) =>
        scheme == DivergingScheme && ratio == DivergingRatio && seed == DivergingSeed;

    /// <summary>A sweep over scheme x lr_ratio x seed; with <paramref name="withFid"/> the cells measured FID.</summary>
    public static void WriteSweep(string dir, bool withFid = true)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "sweep.yaml"),
            "base: samples/configs/fmnist-sgd-simultaneous.yaml\naxes:\n  scheme: [simultaneous, alternating]\n  lr_ratio: [0.5, 1, 2]\n  seed: [0, 1]\n");
        var header = new List<string> { "cell", "scheme", "lr_ratio", "seed", "status", "step", "diverged_step" };
        if (withFid) header.AddRange(["final_" + Fid, "best_" + Fid]);
        header.AddRange(["final_loss_d", "final_loss_g"]);
        var lines = new List<string> { string.Join(",", header) };
        foreach (var scheme in Schemes)
        foreach (var ratio in Ratios)
        foreach (var seed in Seeds)
        {
            var name = CellName(scheme, ratio, seed);
            var diverges = Diverges(scheme, ratio, seed);
            var last = WriteCell(Path.Combine(dir, name), scheme, ratio, seed, withFid);
            var cells = new List<string>
            {
                name, scheme, Inv(ratio), Inv(seed), diverges ? RunStatus.Diverged : RunStatus.Finished,
                Inv(diverges ? DivergedAt : Steps), diverges ? Inv(DivergedAt) : "",
            };
            if (withFid) cells.AddRange([Inv(FidAt(scheme, ratio, seed, last)), Inv(FidAt(scheme, ratio, seed, last))]);
            cells.AddRange([Inv(LossPhi(scheme, ratio, seed, last)), "0.69"]);
            lines.Add(string.Join(",", cells));
        }
        File.WriteAllLines(Path.Combine(dir, "sweep.csv"), lines);
    }

    /// <summary>One cell; returns the last step it logged.</summary>
    public static long WriteCell(string dir, string scheme, double ratio, long seed, bool withFid)
    {
        var config = new RunConfig { Scheme = scheme, LrD = 0.02, Seed = seed, Steps = Steps, LogEvery = 10, SampleEvery = 20, GridSize = GridCount };
        config.LrRatio = ratio;
        var stop = Diverges(scheme, ratio, seed) ? DivergedAt : Steps;
        WriteRun(dir, config, stop, withFid ? s => s % EvalEvery == 0 ? FidAt(scheme, ratio, seed, s) : null : null,
            s => LossPhi(scheme, ratio, seed, s), Pattern(scheme, ratio, seed));
        return stop == Steps ? Steps : (stop - 1) / 10 * 10;
    }

    /// <summary>A run directory logged every 10 steps up to <paramref name="stop"/>; it diverged when stop &lt; steps.</summary>
    public static void WriteRun(string dir, RunConfig config, long stop, Func<long, double?>? fid, Func<long, double> lossPhi, float pattern)
    {
        Directory.CreateDirectory(Path.Combine(dir, "samples"));
        ConfigLoader.Save(config, Path.Combine(dir, "config.yaml"));
        var columns = fid is null ? StepDiagnostics.ColumnNames : [.. StepDiagnostics.ColumnNames, Fid];
        using (var metrics = new MetricsLog(Path.Combine(dir, "metrics.csv"), columns))
            for (long s = config.LogEvery; s < stop || s == config.Steps; s += config.LogEvery)
            {
                var row = StepDiagnostics.ColumnNames.ToDictionary(c => c, c => c.StartsWith("loss_") ? 0.69 : 1.0 / s);
                row["loss_d"] = lossPhi(s);
                if (fid?.Invoke(s) is { } f) row[Fid] = f;
                metrics.Write(s, s * 0.01, row);
                if (s % config.SampleEvery == 0) Grid(Path.Combine(dir, "samples", $"step_{s:D6}.png"), pattern + s);
            }
        File.WriteAllText(Path.Combine(dir, "log.txt"), "2026-01-01T00:00:00Z started\n");
        var diverged = stop < config.Steps;
        new RunStatus(diverged ? RunStatus.Diverged : RunStatus.Finished, stop, diverged ? $"diverged at step {stop}: a loss is NaN or Inf" : null).Save(dir);
    }

    private static float Pattern(string scheme, double ratio, long seed) => (float)(ratio * 10 + seed + (scheme == "alternating" ? 100 : 0));

    /// <summary>A grid of <see cref="GridCount"/> gray 8x8 stripes whose phase depends on <paramref name="phase"/>.</summary>
    public static void Grid(string path, float phase)
    {
        var data = new float[GridCount * GridSide * GridSide];
        for (int i = 0; i < data.Length; i++) data[i] = MathF.Sin(i * 0.3f + phase);
        ImageGrid.Save(path, data, GridCount, 1, GridSide, GridSide, new ImageGridOptions { Nrow = 3 });
    }

    private static string Inv(double v) => v.ToString(CultureInfo.InvariantCulture);
}
