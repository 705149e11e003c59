using System.Text;

namespace GameDrift.Sweeps;

/// <summary>RFC 4180 fields: quoted when they hold a comma, a quote or a line break (regulariser lists do).</summary>
public static class CsvText
{
    public static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";

    public static string Line(IEnumerable<string> values) => string.Join(",", values.Select(Field));

    /// <summary>Splits one line into fields, honouring quotes.</summary>
    public static string[] Split(string line)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString());
        return fields.ToArray();
    }
}
