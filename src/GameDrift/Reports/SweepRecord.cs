using GameDrift.Io.Csv;

namespace GameDrift.Reports;

/// <summary>What a report reads from a sweep directory: sweep.yaml, sweep.csv and cells/&lt;cell&gt;/ run directories.
/// The cells are sweep.csv's rows in order; without a sweep.csv (a sweep still being set up, or copied by hand)
/// they are the directories under cells/.</summary>
public sealed class SweepRecord
{
    private SweepRecord(string directory, string? sweepYaml, CsvTable? table, IReadOnlyList<string> axisKeys, IReadOnlyList<SweepCell> cells)
    {
        Directory = directory;
        SweepYaml = sweepYaml;
        Table = table;
        AxisKeys = axisKeys;
        Cells = cells;
    }

    public string Directory { get; }
    public string? SweepYaml { get; }
    /// <summary>sweep.csv, or null when there is none.</summary>
    public CsvTable? Table { get; }
    /// <summary>The axis columns of sweep.csv: those between <c>cell</c> and <c>status</c>.</summary>
    public IReadOnlyList<string> AxisKeys { get; }
    public IReadOnlyList<SweepCell> Cells { get; }

    /// <summary>True when <paramref name="directory"/> looks like a sweep (sweep.csv, sweep.yaml or cells/).</summary>
    public static bool IsSweep(string directory) =>
        File.Exists(Path.Combine(directory, "sweep.csv")) || File.Exists(Path.Combine(directory, "sweep.yaml"))
        || System.IO.Directory.Exists(Path.Combine(directory, "cells"));

    public static SweepRecord Load(string directory)
    {
        var csvPath = Path.Combine(directory, "sweep.csv");
        var yamlPath = Path.Combine(directory, "sweep.yaml");
        var table = File.Exists(csvPath) ? CsvTable.Load(csvPath) : null;
        var yaml = File.Exists(yamlPath) ? File.ReadAllText(yamlPath) : null;
        if (table is null)
        {
            var cellsDir = Path.Combine(directory, "cells");
            var names = System.IO.Directory.Exists(cellsDir)
                ? System.IO.Directory.GetDirectories(cellsDir).Order(StringComparer.Ordinal).Select(d => Path.GetRelativePath(directory, d)).ToList()
                : [];
            var empty = new Dictionary<string, string>();
            return new SweepRecord(directory, yaml, null, [],
                names.Select(n => new SweepCell(n, RunRecord.Load(Path.Combine(directory, n)), empty)).ToList());
        }
        if (table.IndexOf("cell") != 0)
            throw new InvalidDataException($"{csvPath}: the first column must be 'cell', got '{table.Header.FirstOrDefault()}'");
        var status = table.IndexOf("status");
        var axes = table.Header.Skip(1).Take((status < 0 ? table.Header.Count : status) - 1).ToList();
        var cells = table.Rows.Select(r =>
        {
            var row = table.Header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => r[x.i]);
            var dir = Path.Combine(directory, r[0]);
            return new SweepCell(r[0], RunRecord.Load(dir), row);
        }).ToList();
        return new SweepRecord(directory, yaml, table, axes, cells);
    }

    /// <summary>A short label of a cell from its axis values ("scheme=alternating lr_ratio=0.5 seed=1"), else its name.</summary>
    public string Label(SweepCell cell) =>
        AxisKeys.Count == 0 ? ShortName(cell.Name) : string.Join(" ", AxisKeys.Select(k => $"{k}={cell.Row.GetValueOrDefault(k, "")}"));

    /// <summary>The axis keys that set the lr ratio (the x axis of ratio plots): lr_ratio when swept, else lr_g, else lr_d.</summary>
    public IReadOnlyList<string> RatioKeys =>
        AxisKeys.Contains("lr_ratio") ? ["lr_ratio"] : AxisKeys.Contains("lr_g") ? ["lr_g"] : ["lr_d"];

    /// <summary>
    /// The line a cell belongs to in ratio plots: scheme and regularisers, plus any other swept key except the seed and
    /// the ratio keys (cells differing only in seed are aggregated; cells differing in, say, lr_d are not).
    /// </summary>
    public string Group(SweepCell cell)
    {
        var scheme = cell.Setting("scheme") ?? "?";
        var reg = cell.Setting("regularisers") is { Length: > 0 } r && r != "none" ? r : "none";
        var extra = GroupKeys.Skip(2).Select(k => $"{k}={cell.Row.GetValueOrDefault(k, "")}");
        return string.Join(", ", new[] { $"{scheme} / {reg}" }.Concat(extra));
    }

    /// <summary>The keys that tell the lines of <see cref="Group"/> apart: scheme, regularisers, then the other swept keys.</summary>
    public IReadOnlyList<string> GroupKeys =>
        ["scheme", "regularisers", .. AxisKeys.Where(k => k is not ("seed" or "scheme" or "regularisers") && !RatioKeys.Contains(k))];

    private static string ShortName(string name) =>
        name.StartsWith("cells/", StringComparison.Ordinal) || name.StartsWith("cells\\", StringComparison.Ordinal) ? name[6..] : name;
}
