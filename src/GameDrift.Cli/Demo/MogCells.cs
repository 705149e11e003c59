using System.Globalization;
using GameDrift.Reports;

using GameDrift.Io.Csv;

namespace GameDrift.Cli.Demo;

/// <summary>One run of the ring-of-Gaussians sweep: a method (scheme + regularisers) at lr_d, lr_g and a seed.</summary>
internal sealed record MogCell(string Method, string Scheme, string Reg, double LrD, double LrG, ulong Seed)
{
    public string Name => $"{Method.Replace(':', '-').Replace("=", "")}-lr{Num(LrD)}-r{Num(LrD / LrG)}-s{Seed}";

    public static string Num(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}

/// <summary>Part 2 of the main job: the ring-of-Gaussians sweep of the plan, each cell a <c>gamedrift mog</c> child
/// process writing <c>mog/cells/&lt;cell&gt;/</c>, and <c>mog/runs.csv</c> (one row per cell: its settings, exit state
/// and last measured modes and high-quality fraction), which the report's findings are computed from.</summary>
internal static class MogCells
{
    public static readonly string[] Columns =
        ["cell", "method", "scheme", "regularisers", "lr_d", "lr_g", "lr_ratio", "seed", "status", "step", "modes_covered", "high_quality_fraction",
         "modes_covered_late", "high_quality_late", "wall_time"];

    /// <summary>The cells: every method x lr (its own lrs when it names them) x seed; methods at their extra lr ratios
    /// (middle lr); CO at the extra coefficients (middle lr).</summary>
    public static IReadOnlyList<MogCell> Expand(DemoPlan.MogPart p)
    {
        var cells = new List<MogCell>();
        var mid = p.Lrs[p.Lrs.Count / 2];
        foreach (var (name, m) in p.Methods)
            foreach (var lr in m.Lrs ?? p.Lrs)
                foreach (var s in p.Seeds)
                    cells.Add(new MogCell(name, m.Scheme, m.Reg, lr, lr, s));
        foreach (var (name, ratios) in p.Ratios)
            foreach (var r in ratios)
                foreach (var s in p.Seeds)
                    cells.Add(new MogCell(name, p.Methods[name].Scheme, p.Methods[name].Reg, mid, mid / r, s));
        foreach (var reg in p.CoSensitivity)
            foreach (var s in p.Seeds)
                cells.Add(new MogCell(reg.Split('=')[0] + "@" + reg.Split('=').Last(), "simultaneous", reg, mid, mid, s));
        // Costly cells first, so that the two workers finish together.
        return cells.OrderByDescending(c => c.Reg == "none" ? 1 : 3).ThenBy(c => c.Seed).ToList();
    }

    /// <summary>Trains the cells not yet finished (a cell with an exit_code file is kept), then writes runs.csv.</summary>
    public static string Run(DemoPlan.MogPart p, string dir, int workers)
    {
        var cells = Expand(p);
        var todo = cells.Where(c => !File.Exists(Path.Combine(dir, "cells", c.Name, "exit_code"))).ToList();
        Console.WriteLine($"part 2: ring of Gaussians, {cells.Count} runs ({todo.Count} to train) x {p.Steps} steps, {workers} at a time");
        int k = cells.Count - todo.Count;
        ChildProcesses.RunAll(todo, workers, c =>
        {
            var cellDir = Path.Combine(dir, "cells", c.Name);
            Directory.CreateDirectory(cellDir);
            var code = ChildProcesses.Run(Args(p, c, cellDir), Path.Combine(cellDir, "log.txt"));
            File.WriteAllText(Path.Combine(cellDir, "exit_code"), code.ToString(CultureInfo.InvariantCulture));
            return code;
        }, (c, code, t) =>
        {
            var last = LastRow(Path.Combine(dir, "cells", c.Name), p.Steps);
            Console.WriteLine($"  [{++k}/{cells.Count}] {c.Name}: {State(code)}, {last?.Modes ?? "?"} modes, " +
                              $"{last?.Hq ?? "?"} high quality ({t.TotalSeconds:F0} s)");
        });
        return WriteTable(dir, cells, p.Steps);
    }

    private static IReadOnlyList<string> Args(DemoPlan.MogPart p, MogCell c, string outDir) =>
    [
        "mog", "--scheme", c.Scheme, "--optimizer", "sgd", "--lr-d", MogCell.Num(c.LrD), "--lr-g", MogCell.Num(c.LrG),
        "--steps", p.Steps.ToString(CultureInfo.InvariantCulture), "--loss", p.Loss, "--batch", p.Batch.ToString(CultureInfo.InvariantCulture),
        "--seed", c.Seed.ToString(CultureInfo.InvariantCulture), "--hidden", p.Hidden.ToString(CultureInfo.InvariantCulture),
        "--layers", p.Layers.ToString(CultureInfo.InvariantCulture), "--eval-every", p.EvalEvery.ToString(CultureInfo.InvariantCulture),
        "--std", MogCell.Num(p.Std), "--snapshots", "4", "--out", outDir, .. c.Reg is "none" or "" ? Array.Empty<string>() : ["--reg", c.Reg],
    ];

    private static string State(int code) => code switch { 0 => "finished", 3 => "diverged", _ => "failed" };

    /// <summary>The last metric row of a cell, and the mean modes and high-quality fraction over the measurements of the
    /// run's second half (steps >= steps/2): single measurements swing by several modes from one evaluation to the next.</summary>
    private static (string Step, string Modes, string Hq, string Wall, string ModesLate, string HqLate)? LastRow(string cellDir, int steps)
    {
        var path = Path.Combine(cellDir, "metrics.csv");
        if (!File.Exists(path)) return null;
        var t = CsvTable.Load(path);
        if (t.Rows.Count == 0) return null;
        var r = t.Rows.Count - 1;
        double Num(int row, string c) => double.TryParse(t.Get(row, c), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
        var late = Enumerable.Range(0, t.Rows.Count).Where(i => Num(i, "step") > 0 && Num(i, "step") >= steps / 2.0).ToList();
        string Mean(string c) => late.Count == 0 ? "" : MogCell.Num(late.Average(i => Num(i, c)));
        return (t.Get(r, "step") ?? "", t.Get(r, "modes_covered") ?? "", t.Get(r, "high_quality_fraction") ?? "", t.Get(r, "wall_time") ?? "",
            Mean("modes_covered"), Mean("high_quality_fraction"));
    }

    /// <summary>runs.csv from the cells' exit codes and last metric rows (a cell not run yet: status pending).</summary>
    public static string WriteTable(string dir, IReadOnlyList<MogCell> cells, int steps)
    {
        var path = Path.Combine(dir, "runs.csv");
        using var text = new StreamWriter(path);
        using var w = CsvFile.Writer(text);
        w.WriteRow(Columns);
        foreach (var c in cells)
        {
            var cellDir = Path.Combine(dir, "cells", c.Name);
            var codeFile = Path.Combine(cellDir, "exit_code");
            var status = File.Exists(codeFile) && int.TryParse(File.ReadAllText(codeFile).Trim(), out var code) ? State(code) : "pending";
            var last = LastRow(cellDir, steps);
            w.WriteRow(new[]
            {
                c.Name, c.Method, c.Scheme, c.Reg, MogCell.Num(c.LrD), MogCell.Num(c.LrG), MogCell.Num(c.LrD / c.LrG), c.Seed.ToString(CultureInfo.InvariantCulture),
                status, last?.Step ?? "", last?.Modes ?? "", last?.Hq ?? "", last?.ModesLate ?? "", last?.HqLate ?? "", last?.Wall ?? "",
            });
        }
        return path;
    }
}
