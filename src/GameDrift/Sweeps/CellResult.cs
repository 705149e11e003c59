using System.Globalization;
using GameDrift.Io.Csv;
using GameDrift.Training;

namespace GameDrift.Sweeps;

/// <summary>What a cell directory says about its run: state (status.json, or pending when there is none), last
/// step, and the columns of metrics.csv. Tolerates a metrics.csv cut short by a killed worker.</summary>
public sealed class CellResult
{
    public required string State { get; init; }
    public long? Step { get; init; }
    /// <summary>Column name to its (step, value) pairs, blanks left out.</summary>
    public required IReadOnlyDictionary<string, List<(long Step, double Value)>> Columns { get; init; }

    public double? Final(string column) =>
        Columns.TryGetValue(column, out var v) && v.Count > 0 ? v[^1].Value : null;

    public double? Best(string column, bool lowerIsBetter)
    {
        if (!Columns.TryGetValue(column, out var v)) return null;
        var finite = v.Where(p => double.IsFinite(p.Value)).Select(p => p.Value).ToList();
        return finite.Count == 0 ? null : lowerIsBetter ? finite.Min() : finite.Max();
    }

    public static CellResult Read(string cellDir)
    {
        var status = ReadStatus(cellDir);
        var columns = ReadMetrics(Path.Combine(cellDir, "metrics.csv"));
        long? lastLogged = columns.Values.SelectMany(v => v).Select(p => (long?)p.Step).Max();
        return new CellResult
        {
            State = status?.State ?? SweepTable.Pending,
            Step = status is null ? lastLogged : Math.Max(status.Step, lastLogged ?? 0),
            Columns = columns,
        };
    }

    private static RunStatus? ReadStatus(string cellDir)
    {
        try { return RunStatus.Load(cellDir); }
        catch (System.Text.Json.JsonException) { return null; }
        catch (IOException) { return null; }
    }

    /// <summary>The step of the last complete row of metrics.csv: the live progress of a running cell (reads
    /// only the end of the file).</summary>
    public static long? LastLoggedStep(string cellDir)
    {
        var path = Path.Combine(cellDir, "metrics.csv");
        if (!File.Exists(path)) return null;
        try
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var n = (int)Math.Min(fs.Length, 8192);
            fs.Seek(-n, SeekOrigin.End);
            var buf = new byte[n];
            fs.ReadExactly(buf);
            var text = System.Text.Encoding.UTF8.GetString(buf);
            // Only complete lines: the writer may be half-way through the last one.
            var lines = text[..(text.LastIndexOf('\n') + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries);
            for (var i = lines.Length - 1; i >= 0; i--)
                if (long.TryParse(lines[i].Split(',')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)) return s;
        }
        catch (IOException) { }
        return null;
    }

    private static Dictionary<string, List<(long Step, double Value)>> ReadMetrics(string path)
    {
        var columns = new Dictionary<string, List<(long Step, double Value)>>();
        if (!File.Exists(path)) return columns;
        CsvTable table;
        try { table = CsvTable.LoadWhileWritten(path); }
        catch (Exception e) when (e is IOException or InvalidDataException) { return columns; }
        foreach (var h in table.Header.Skip(1)) columns[h] = [];
        foreach (var cells in table.Rows)
        {
            // A stray line without a step: skip it.
            if (!long.TryParse(cells[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var step)) continue;
            for (var i = 1; i < cells.Count; i++)
                if (cells[i].Length > 0 && double.TryParse(cells[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                    columns[table.Header[i]].Add((step, v));
        }
        return columns;
    }
}
