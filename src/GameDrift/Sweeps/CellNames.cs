using System.Text;

namespace GameDrift.Sweeps;

/// <summary>Readable, stable directory names for cells: the zero-padded index, then <c>key-value</c> per axis,
/// e.g. <c>003_scheme-alternating_lr_ratio-0.5</c>. The index alone makes names unique; the rest is for people.</summary>
public static class CellNames
{
    /// <summary>Longest text kept from one value, so that many axes still give a valid file name.</summary>
    public const int MaxValueLength = 40;

    public static string Make(int index, int count, IEnumerable<KeyValuePair<string, string>> assignments)
    {
        var width = Math.Max(3, (count - 1).ToString().Length);
        var parts = assignments.Select(a => $"{a.Key}-{Value(a.Value)}").ToList();
        return parts.Count == 0 ? $"{index.ToString().PadLeft(width, '0')}_base"
            : $"{index.ToString().PadLeft(width, '0')}_{string.Join("_", parts)}";
    }

    /// <summary>A value as a file-name fragment: letters, digits and <c>.+-=</c> kept, a comma (list separator,
    /// e.g. two regularisers) becomes '+', anything else '-'; an empty value reads "none".</summary>
    public static string Value(string value)
    {
        var v = value.Trim();
        if (v.Length == 0) return "none";
        var sb = new StringBuilder(v.Length);
        foreach (var c in v)
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '+' or '=' ? c : c == ',' ? '+' : '-');
        var s = sb.ToString();
        return s.Length <= MaxValueLength ? s : s[..MaxValueLength];
    }
}
