using System.Globalization;
using GameDrift.Io.Csv;

namespace GameDrift.Reports;

/// <summary>A run's metrics.csv as numbers: a step column and named value columns with gaps (blank cells) where a
/// value was not measured at that step.</summary>
public sealed class MetricsTable
{
    private readonly Dictionary<string, int> index;

    public MetricsTable(IReadOnlyList<string> columns, IReadOnlyList<long> steps, IReadOnlyList<double?[]> rows)
    {
        Columns = columns;
        Steps = steps;
        Rows = rows;
        index = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
    }

    /// <summary>Value columns, without step and wall_time.</summary>
    public IReadOnlyList<string> Columns { get; }
    public IReadOnlyList<long> Steps { get; }
    /// <summary>Rows[r][c]: the value of <see cref="Columns"/>[c] at <see cref="Steps"/>[r], null when blank.</summary>
    public IReadOnlyList<double?[]> Rows { get; }

    public bool Has(string column) => index.ContainsKey(column);

    /// <summary>The steps and values where <paramref name="column"/> was measured (empty for an unknown column).</summary>
    public (double[] Steps, double[] Values) Series(string column)
    {
        if (!index.TryGetValue(column, out var c)) return ([], []);
        var rows = Enumerable.Range(0, Rows.Count).Where(r => Rows[r][c].HasValue).ToArray();
        return (rows.Select(r => (double)Steps[r]).ToArray(), rows.Select(r => Rows[r][c]!.Value).ToArray());
    }

    /// <summary>The last measured value of <paramref name="column"/>, or null.</summary>
    public double? Final(string column)
    {
        var (_, v) = Series(column);
        return v.Length > 0 ? v[^1] : null;
    }

    /// <summary>The best finite value of <paramref name="column"/> (smallest or largest), or null.</summary>
    public double? Best(string column, bool lowerIsBetter)
    {
        var v = Series(column).Values.Where(double.IsFinite).ToArray();
        return v.Length == 0 ? null : lowerIsBetter ? v.Min() : v.Max();
    }

    /// <summary>Reads metrics.csv; cells must be numbers (NaN and Inf allowed) or blank.</summary>
    public static MetricsTable Load(string path)
    {
        var csv = CsvTable.Load(path);
        if (csv.Header.Count == 0 || csv.Header[0] != "step")
            throw new InvalidDataException($"{path}: the first column must be 'step', got '{csv.Header.FirstOrDefault()}'");
        var keep = Enumerable.Range(1, csv.Header.Count - 1).Where(i => csv.Header[i] != "wall_time").ToArray();
        var steps = new List<long>();
        var rows = new List<double?[]>();
        for (int r = 0; r < csv.Rows.Count; r++)
        {
            var row = csv.Rows[r];
            if (!long.TryParse(row[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var step))
                throw new InvalidDataException($"{path}: data row {r + 1}: step '{row[0]}' is not an integer");
            steps.Add(step);
            rows.Add(keep.Select(i => Number(row[i], path, r, csv.Header[i])).ToArray());
        }
        return new MetricsTable(keep.Select(i => csv.Header[i]).ToArray(), steps, rows);
    }

    private static double? Number(string text, string path, int row, string column)
    {
        if (text.Length == 0) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) return v;
        if (text is "Infinity" or "inf" or "Inf") return double.PositiveInfinity;
        if (text is "-Infinity" or "-inf" or "-Inf") return double.NegativeInfinity;
        throw new InvalidDataException($"{path}: data row {row + 1}, column '{column}': '{text}' is not a number");
    }
}
