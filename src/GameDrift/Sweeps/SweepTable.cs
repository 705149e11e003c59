using System.Globalization;
using System.Text.RegularExpressions;
using GameDrift.Training;
using GameDrift.Io.Csv;
using GameDrift.Io;

namespace GameDrift.Sweeps;

/// <summary>sweep.csv, rebuilt from the cell directories alone: one row per cell with its axis values, status,
/// step, diverged step, final and best value of every image-metric column found in the cells' metrics.csv
/// (<c>fid_*</c>, <c>kid_*</c> lower is better, <c>is_*</c> higher), the final value of what a game measures itself
/// (the ring's <c>modes_covered</c> and <c>high_quality_fraction</c>, a toy's <c>distance</c> to its equilibrium), and
/// the final losses.</summary>
public static partial class SweepTable
{
    /// <summary>State of a cell that has not started.</summary>
    public const string Pending = "pending";
    /// <summary>State of a cell whose worker was stopped (Ctrl-C, SIGTERM); it can be resumed.</summary>
    public const string Interrupted = "interrupted";

    [GeneratedRegex("^(fid|kid|is)_.+$")]
    private static partial Regex ImageMetric();

    [GeneratedRegex("^(modes_covered|high_quality_fraction|distance)$")]
    private static partial Regex GameMeasure();

    public static bool LowerIsBetter(string column) => !column.StartsWith("is_", StringComparison.Ordinal);

    /// <summary>The table as header and rows of text (blank for missing values).</summary>
    public static (IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows) Build(string sweepDir)
    {
        var cells = SweepLayout.ReadCells(sweepDir);
        var axisKeys = cells.SelectMany(c => c.Axes.Select(a => a.Key)).Distinct().ToList();
        var runs = cells.Select(c => (Cell: c, Run: CellResult.Read(Path.Combine(sweepDir, c.RelativePath)))).ToList();
        var metricCols = runs.SelectMany(r => r.Run.Columns.Keys).Where(k => ImageMetric().IsMatch(k)).Distinct()
            .Order(StringComparer.Ordinal).ToList();
        var gameCols = runs.SelectMany(r => r.Run.Columns.Keys).Where(k => GameMeasure().IsMatch(k)).Distinct()
            .Order(StringComparer.Ordinal).ToList();

        var header = new List<string> { "cell" };
        header.AddRange(axisKeys);
        header.AddRange(["status", "step", "diverged_step"]);
        foreach (var m in metricCols) header.AddRange([$"final_{m}", $"best_{m}"]);
        header.AddRange(gameCols.Select(g => $"final_{g}"));
        header.AddRange(["final_loss_d", "final_loss_g"]);

        var rows = runs.Select(r =>
        {
            var axes = r.Cell.Axes.ToDictionary(a => a.Key, a => a.Value);
            var row = new List<string> { r.Cell.RelativePath };
            row.AddRange(axisKeys.Select(k => axes.GetValueOrDefault(k, "")));
            row.Add(r.Run.State);
            row.Add(r.Run.Step?.ToString(CultureInfo.InvariantCulture) ?? "");
            row.Add(r.Run.State == RunStatus.Diverged ? r.Run.Step?.ToString(CultureInfo.InvariantCulture) ?? "" : "");
            foreach (var m in metricCols)
            {
                row.Add(F(r.Run.Final(m)));
                row.Add(F(r.Run.Best(m, LowerIsBetter(m))));
            }
            row.AddRange(gameCols.Select(g => F(r.Run.Final(g))));
            row.Add(F(r.Run.Final("loss_d")));
            row.Add(F(r.Run.Final("loss_g")));
            return row.ToArray();
        }).ToList();
        return (header, rows);
    }

    /// <summary>Rebuilds sweep.csv (atomically: readers never see half a file) and returns its path.</summary>
    public static string Write(string sweepDir)
    {
        var (header, rows) = Build(sweepDir);
        var path = Path.Combine(sweepDir, SweepLayout.CsvFile);
        AtomicFile.Write(path, tmp => CsvFile.Write(tmp, header, rows));
        return path;
    }

    private static string F(double? v) => v?.ToString("G9", CultureInfo.InvariantCulture) ?? "";
}
