using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace GameDrift.Io.Csv;

/// <summary>A CSV file read as text cells with CsvHelper (RFC 4180: quoted fields may hold commas, quotes as "" and
/// line breaks). Every row must have the header's number of cells; errors name the file and the line.</summary>
public sealed class CsvTable
{
    private CsvTable(string[] header, List<string[]> rows)
    {
        Header = header;
        Rows = rows;
    }

    public IReadOnlyList<string> Header { get; }
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    /// <summary>Index of <paramref name="column"/> in the header, or -1.</summary>
    public int IndexOf(string column) => Array.IndexOf((string[])Header, column);

    /// <summary>The cell of <paramref name="row"/> in <paramref name="column"/>, or null when there is no such column.</summary>
    public string? Get(int row, string column) => IndexOf(column) is var i and >= 0 ? Rows[row][i] : null;

    public static CsvTable Load(string path) =>
        File.Exists(path) ? Parse(File.ReadAllText(path), path) : throw new FileNotFoundException($"CSV file not found: {path}", path);

    /// <summary>Reads a file another process may still be appending to (a running cell's metrics.csv): an unfinished
    /// last line and rows of the wrong length (cut short by a killed writer) are left out instead of refused.</summary>
    public static CsvTable LoadWhileWritten(string path)
    {
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var text = new StreamReader(fs).ReadToEnd();
        return Parse(text[..(text.LastIndexOf('\n') + 1)], path, lenient: true);
    }

    /// <summary>Parses CSV text; <paramref name="source"/> names it in error messages. <paramref name="lenient"/> skips
    /// malformed rows instead.</summary>
    public static CsvTable Parse(string text, string source = "<csv>", bool lenient = false)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            // A stray quote or a quoted field left open is an error, not a silently merged cell.
            BadDataFound = lenient ? null : a => throw new InvalidDataException(
                $"{source}: line {FirstLine(text, a.Context.Parser!.CharCount, a.RawRecord)}: a quote is misplaced or a quoted field is not closed"),
        };
        var records = new List<(long Line, string[] Cells)>();
        using (var parser = new CsvParser(new StringReader(text), config))
            while (parser.Read())
            {
                // RawRow is the record's last line; a quoted line break puts its first line earlier.
                records.Add((FirstLine(text, parser.CharCount, parser.RawRecord), parser.Record!));
            }
        if (records.Count == 0) throw new InvalidDataException($"{source}: empty CSV file (no header line)");
        var header = records[0].Cells;
        if (lenient) return new CsvTable(header, records.Skip(1).Where(r => r.Cells.Length == header.Length).Select(r => r.Cells).ToList());
        foreach (var (l, r) in records.Skip(1))
            if (r.Length != header.Length)
                throw new InvalidDataException($"{source}: line {l} has {r.Length} cells but the header has {header.Length}");
        return new CsvTable(header, records.Skip(1).Select(r => r.Cells).ToList());
    }

    // The line a record starts on (a quoted line break spans lines): line breaks before its first character.
    private static long FirstLine(string text, long charsRead, string rawRecord) =>
        1 + text.AsSpan(0, (int)Math.Clamp(charsRead - rawRecord.Length, 0, text.Length)).Count('\n');
}
