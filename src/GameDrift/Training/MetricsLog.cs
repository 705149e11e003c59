using System.Globalization;

namespace GameDrift.Training;

/// <summary>metrics.csv of a run: one row per logged step, a fixed header, blank cells for values not
/// measured at that step (e.g. FID between evaluations). On resume, rows past the checkpoint's step are
/// dropped so the file matches the parameters it continues from.</summary>
public sealed class MetricsLog : IDisposable
{
    private readonly StreamWriter writer;
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Raised after each row with the values written (the columns present in it), e.g. for TensorBoard.</summary>
    public event Action<long, IReadOnlyDictionary<string, double>>? RowWritten;

    public MetricsLog(string path, IReadOnlyList<string> columns, long? resumeFromStep = null)
    {
        Columns = columns;
        var header = "step,wall_time," + string.Join(",", columns);
        if (resumeFromStep is { } step && File.Exists(path))
        {
            var lines = File.ReadAllLines(path);
            if (lines.Length == 0 || lines[0] != header)
                throw new InvalidDataException($"{path}: its columns differ from this run's; cannot resume into it");
            var kept = lines.Take(1).Concat(lines.Skip(1).Where(l => long.TryParse(l.Split(',')[0], out var s) && s <= step));
            File.WriteAllLines(path, kept);
            writer = new StreamWriter(path, append: true);
        }
        else
        {
            writer = new StreamWriter(path, append: false);
            writer.WriteLine(header);
        }
        writer.Flush();
    }

    public void Write(long step, double wallTimeSeconds, IReadOnlyDictionary<string, double> values)
    {
        var cells = Columns.Select(c => values.TryGetValue(c, out var v) ? v.ToString("G9", CultureInfo.InvariantCulture) : "");
        writer.WriteLine($"{step},{wallTimeSeconds.ToString("F3", CultureInfo.InvariantCulture)},{string.Join(",", cells)}");
        writer.Flush();
        RowWritten?.Invoke(step, Columns.Where(values.ContainsKey).ToDictionary(c => c, c => values[c]));
    }

    public void Dispose() => writer.Dispose();

    /// <summary>Reads a metrics.csv back as (header, rows of nullable values).</summary>
    public static (string[] Header, List<double?[]> Rows) Read(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0) throw new InvalidDataException($"{path} is empty");
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')
            .Select(c => c.Length == 0 ? (double?)null : double.Parse(c, CultureInfo.InvariantCulture)).ToArray()).ToList();
        return (header, rows);
    }
}
