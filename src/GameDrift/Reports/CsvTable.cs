using System.Text;

namespace GameDrift.Reports;

/// <summary>A CSV file read as text cells (RFC 4180: quoted fields may hold commas, quotes as "" and line breaks).
/// Every row must have the header's number of cells; errors name the file and the line.</summary>
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

    /// <summary>Parses CSV text; <paramref name="source"/> names it in error messages.</summary>
    public static CsvTable Parse(string text, string source = "<csv>")
    {
        var records = new List<(int Line, string[] Cells)>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        int line = 1, recordLine = 1, i = 0;
        bool quoted = false, any = false;
        while (i < text.Length)
        {
            char c = text[i++];
            if (quoted)
            {
                if (c == '"' && i < text.Length && text[i] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; cell.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"' when cell.Length == 0: quoted = true; any = true; break;
                case ',': cells.Add(cell.ToString()); cell.Clear(); any = true; break;
                case '\r': break;
                case '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default: cell.Append(c); any = true; break;
            }
        }
        if (quoted) throw new InvalidDataException($"{source}: line {recordLine}: a quoted field is not closed");
        EndRecord();
        if (records.Count == 0) throw new InvalidDataException($"{source}: empty CSV file (no header line)");
        var header = records[0].Cells;
        foreach (var (l, r) in records.Skip(1))
            if (r.Length != header.Length)
                throw new InvalidDataException($"{source}: line {l} has {r.Length} cells but the header has {header.Length}");
        return new CsvTable(header, records.Skip(1).Select(r => r.Cells).ToList());

        void EndRecord()
        {
            if (any) { cells.Add(cell.ToString()); records.Add((recordLine, cells.ToArray())); }
            cells.Clear();
            cell.Clear();
            any = false;
        }
    }
}
