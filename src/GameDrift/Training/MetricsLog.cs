using System.Globalization;
using CsvHelper;
using GameDrift.Io.Csv;

namespace GameDrift.Training;

/// <summary>metrics.csv of a run: one row per logged step, a fixed header, empty cells for values not
/// measured at that step (e.g. FID between evaluations). On resume, rows past the checkpoint's step are
/// dropped so the file matches the parameters it continues from.</summary>
public sealed class MetricsLog : IDisposable
{
    private readonly StreamWriter text;
    private readonly CsvWriter csv;
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Raised after each row with the values written (the columns present in it), e.g. for TensorBoard.</summary>
    public event Action<long, IReadOnlyDictionary<string, double>>? RowWritten;

    public MetricsLog(string path, IReadOnlyList<string> columns, long? resumeFromStep = null)
    {
        Columns = columns;
        string[] header = ["step", "wall_time", .. columns];
        if (resumeFromStep is { } step && File.Exists(path))
        {
            var old = CsvTable.Load(path);
            if (!old.Header.SequenceEqual(header))
                throw new InvalidDataException($"{path}: its columns differ from this run's; cannot resume into it");
            var kept = old.Rows.Where(r => long.TryParse(r[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s <= step).ToList();
            CsvFile.Write(path, header, kept);
            text = new StreamWriter(path, append: true);
            csv = CsvFile.Writer(text);
        }
        else
        {
            text = new StreamWriter(path, append: false);
            csv = CsvFile.Writer(text);
            csv.WriteRow(header);
        }
        csv.Flush();
    }

    public void Write(long step, double wallTimeSeconds, IReadOnlyDictionary<string, double> values)
    {
        csv.WriteRow([step.ToString(CultureInfo.InvariantCulture), wallTimeSeconds.ToString("F3", CultureInfo.InvariantCulture),
            .. Columns.Select(c => values.TryGetValue(c, out var v) ? v.ToString("G9", CultureInfo.InvariantCulture) : "")]);
        csv.Flush();
        RowWritten?.Invoke(step, Columns.Where(values.ContainsKey).ToDictionary(c => c, c => values[c]));
    }

    public void Dispose()
    {
        csv.Dispose();
        text.Dispose();
    }

    /// <summary>Reads a metrics.csv back as (header, rows of nullable values; an empty cell is null).</summary>
    public static (string[] Header, List<double?[]> Rows) Read(string path)
    {
        var table = CsvTable.Load(path);
        var rows = table.Rows.Select(r => r.Select(c => c.Length == 0 ? (double?)null : double.Parse(c, CultureInfo.InvariantCulture)).ToArray()).ToList();
        return (table.Header.ToArray(), rows);
    }
}
