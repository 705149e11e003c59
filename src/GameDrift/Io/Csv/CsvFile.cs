using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace GameDrift.Io.Csv;

/// <summary>Writes CSV with CsvHelper: invariant culture, '\n' line ends, fields quoted only when they need it
/// (commas in regulariser lists, quotes, line breaks). A missing value is an empty cell.</summary>
public static class CsvFile
{
    public static CsvWriter Writer(TextWriter text) =>
        new(text, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" });

    public static void WriteRow(this CsvWriter csv, IEnumerable<string?> cells)
    {
        foreach (var c in cells) csv.WriteField(c ?? "");
        csv.NextRecord();
    }

    /// <summary>Writes a whole file: the header, then the rows.</summary>
    public static void Write(string path, IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        using var text = new StreamWriter(path);
        using var csv = Writer(text);
        csv.WriteRow(header);
        foreach (var r in rows) csv.WriteRow(r);
    }

    /// <summary>One record as CSV text, without the line end (for a file written line by line).</summary>
    public static string Line(IEnumerable<string?> cells)
    {
        var text = new StringWriter();
        using (var csv = Writer(text)) csv.WriteRow(cells);
        return text.ToString().TrimEnd('\n');
    }

    /// <summary>A number as it is written everywhere: round-trip precision, invariant culture.</summary>
    public static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
