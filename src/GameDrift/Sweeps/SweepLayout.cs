using System.Text.Json;
using GameDrift.Training;

namespace GameDrift.Sweeps;

/// <summary>The files of a sweep directory: sweep.yaml (the sweep as given), cells.txt (one cell directory per line,
/// in index order: the list a Slurm array task picks from), sweep.csv, and cells/&lt;name&gt;/, each an ordinary run
/// directory whose config.yaml is the cell's resolved config, plus cell.json (its index and axis values).</summary>
public static class SweepLayout
{
    public const string SweepFile = "sweep.yaml", CellsList = "cells.txt", CsvFile = "sweep.csv", CellsDir = "cells",
        CellInfo = "cell.json", WorkerLog = "worker.log";

    public static string CellPath(string name) => $"{CellsDir}/{name}";

    /// <summary>Writes the sweep and every cell's config; refuses a directory that already holds other cells.</summary>
    public static void Write(SweepPlan plan, string dir)
    {
        var existing = ReadCells(dir, required: false);
        if (existing.Count > 0)
        {
            var same = existing.Select(c => c.RelativePath).SequenceEqual(plan.Cells.Select(c => c.RelativePath));
            throw new ArgumentException(same
                ? $"{dir} already holds this sweep; pass --resume to continue it, or choose another --out"
                : $"{dir} already holds a different sweep ({existing.Count} cells); choose another --out");
        }
        Directory.CreateDirectory(dir);
        var header = $"# sweep {plan.Sweep.Name}, from {plan.Sweep.Source}" +
                     (plan.Sweep.BasePath is null ? "" : $"\n# base resolved to {plan.Sweep.BasePath}") +
                     (plan.Overrides.Count == 0 ? "" : $"\n# command-line overrides: {string.Join(" ", plan.Overrides)}") + "\n";
        File.WriteAllText(Path.Combine(dir, SweepFile), header + plan.Sweep.Text);
        foreach (var cell in plan.Cells)
        {
            var cellDir = Path.Combine(dir, CellsDir, cell.Name);
            Directory.CreateDirectory(cellDir);
            ConfigLoader.Save(cell.Config, Path.Combine(cellDir, "config.yaml"));
            var info = new Dictionary<string, object>
            {
                ["index"] = cell.Index,
                ["axes"] = cell.Assignments.ToDictionary(a => a.Key, a => a.Value),
                // A config that leaves threads at 0 (all cores) gets cores / workers when a local sweep runs it.
                ["worker_threads"] = cell.Config.Threads == 0,
            };
            File.WriteAllText(Path.Combine(cellDir, CellInfo), JsonSerializer.Serialize(info, new JsonSerializerOptions { WriteIndented = true }));
        }
        // Written last: its presence means every cell directory is complete.
        File.WriteAllLines(Path.Combine(dir, CellsList), plan.Cells.Select(c => c.RelativePath));
    }

    /// <summary>A cell as found on disk: its path relative to the sweep directory and its axis values.</summary>
    public sealed record CellEntry(string RelativePath, IReadOnlyList<KeyValuePair<string, string>> Axes, bool WorkerThreads)
    {
        public string Name => Path.GetFileName(RelativePath);
    }

    /// <summary>The cells of a sweep directory, from cells.txt, or from the cells/ folders (sorted) when the list
    /// is missing; axis values come from each cell's cell.json.</summary>
    public static IReadOnlyList<CellEntry> ReadCells(string dir, bool required = true)
    {
        var list = Path.Combine(dir, CellsList);
        IEnumerable<string> paths;
        if (File.Exists(list)) paths = File.ReadAllLines(list).Select(l => l.Trim()).Where(l => l.Length > 0);
        else if (Directory.Exists(Path.Combine(dir, CellsDir)))
            paths = Directory.GetDirectories(Path.Combine(dir, CellsDir)).Select(d => CellPath(Path.GetFileName(d))).Order(StringComparer.Ordinal);
        else if (required) throw new DirectoryNotFoundException($"{dir} is not a sweep directory (no {CellsList} and no {CellsDir}/)");
        else return [];
        return paths.Select(p => ReadEntry(dir, p)).ToArray();
    }

    private static CellEntry ReadEntry(string dir, string relative)
    {
        var path = Path.Combine(dir, relative, CellInfo);
        if (!File.Exists(path)) return new CellEntry(relative, [], true);
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            var axes = root.TryGetProperty("axes", out var a) && a.ValueKind == JsonValueKind.Object
                ? a.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.ToString())).ToArray()
                : [];
            var threads = !root.TryGetProperty("worker_threads", out var t) || t.ValueKind != JsonValueKind.False;
            return new CellEntry(relative, axes, threads);
        }
        catch (JsonException e) { throw new InvalidDataException($"{path}: not valid JSON: {e.Message}"); }
    }
}
