using System.Globalization;
using System.Text;

namespace GameDrift.Metrics;

/// <summary>
/// The Python-literal dictionary at the start of a <c>.npy</c> file, e.g.
/// <c>{'descr': '&lt;f8', 'fortran_order': False, 'shape': (3, 3), }</c> (numpy
/// <c>lib/format.py</c>, format versions 1.0–3.0).
/// </summary>
public sealed record NpyHeader(string Descr, bool FortranOrder, int[] Shape)
{
    /// <summary>Parses the dictionary text; <paramref name="source"/> names the array in errors.</summary>
    public static NpyHeader Parse(string text, string source)
    {
        var p = new Parser(text, source);
        Dictionary<string, object> dict = p.ParseDict();
        string descr = Require<string>(dict, "descr", source);
        bool fortran = Require<bool>(dict, "fortran_order", source);
        int[] shape = Require<List<long>>(dict, "shape", source).Select(v => checked((int)v)).ToArray();
        return new NpyHeader(descr, fortran, shape);
    }

    /// <summary>
    /// The header dictionary exactly as numpy 1.24 writes it: sorted keys, <c>repr</c> values and
    /// 21 − len(repr(shape[0])) spaces reserved so the array can grow in place.
    /// </summary>
    public string Format()
    {
        string shapeRepr = Shape.Length == 1
            ? $"({Shape[0]},)"
            : "(" + string.Join(", ", Shape.Select(s => s.ToString(CultureInfo.InvariantCulture))) + ")";
        var sb = new StringBuilder();
        sb.Append("{'descr': '").Append(Descr).Append("', 'fortran_order': ")
          .Append(FortranOrder ? "True" : "False").Append(", 'shape': ").Append(shapeRepr).Append(", }");
        if (Shape.Length > 0)
        {
            const int growthAxisMaxDigits = 21;
            int axis = FortranOrder ? Shape[^1] : Shape[0];
            sb.Append(' ', Math.Max(0, growthAxisMaxDigits - axis.ToString(CultureInfo.InvariantCulture).Length));
        }
        return sb.ToString();
    }

    private static TValue Require<TValue>(Dictionary<string, object> dict, string key, string source)
    {
        if (!dict.TryGetValue(key, out object? value))
            throw new NpyFormatException($"{source}: .npy header has no '{key}' entry.");
        if (value is not TValue typed)
            throw new NpyFormatException($"{source}: .npy header entry '{key}' has unexpected value {value}.");
        return typed;
    }

    /// <summary>Just enough of a Python literal parser for numpy headers: str, bool, int tuples.</summary>
    private sealed class Parser(string text, string source)
    {
        private int _pos;

        public Dictionary<string, object> ParseDict()
        {
            var dict = new Dictionary<string, object>(StringComparer.Ordinal);
            Expect('{');
            while (true)
            {
                SkipSpace();
                if (TryConsume('}')) break;
                string key = ParseString();
                Expect(':');
                dict[key] = ParseValue();
                SkipSpace();
                if (TryConsume(',')) continue;
                Expect('}');
                break;
            }
            SkipSpace();
            if (_pos != text.Length) throw Error("trailing characters after the dictionary");
            return dict;
        }

        private object ParseValue()
        {
            SkipSpace();
            if (_pos >= text.Length) throw Error("unexpected end of header");
            char ch = text[_pos];
            if (ch is '\'' or '"') return ParseString();
            if (ch == '(') return ParseTuple();
            if (Match("True")) return true;
            if (Match("False")) return false;
            throw Error($"unexpected value starting with '{ch}'");
        }

        private List<long> ParseTuple()
        {
            Expect('(');
            var items = new List<long>();
            while (true)
            {
                SkipSpace();
                if (TryConsume(')')) return items;
                items.Add(ParseInt());
                SkipSpace();
                if (TryConsume(',')) continue;
                Expect(')');
                return items;
            }
        }

        private long ParseInt()
        {
            int start = _pos;
            while (_pos < text.Length && char.IsAsciiDigit(text[_pos])) _pos++;
            if (start == _pos) throw Error("expected a dimension");
            long value = long.Parse(text.AsSpan(start, _pos - start), NumberStyles.None, CultureInfo.InvariantCulture);
            if (_pos < text.Length && text[_pos] is 'L' or 'l') _pos++; // Python 2 long suffix
            return value;
        }

        private string ParseString()
        {
            SkipSpace();
            if (_pos >= text.Length || text[_pos] is not ('\'' or '"')) throw Error("expected a quoted string");
            char quote = text[_pos++];
            int end = text.IndexOf(quote, _pos);
            if (end < 0) throw Error("unterminated string");
            string s = text[_pos..end];
            _pos = end + 1;
            return s;
        }

        private bool Match(string word)
        {
            if (string.CompareOrdinal(text, _pos, word, 0, word.Length) != 0) return false;
            _pos += word.Length;
            return true;
        }

        private void Expect(char ch)
        {
            SkipSpace();
            if (!TryConsume(ch)) throw Error($"expected '{ch}'");
        }

        private bool TryConsume(char ch)
        {
            if (_pos < text.Length && text[_pos] == ch) { _pos++; return true; }
            return false;
        }

        private void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++;
        }

        private NpyFormatException Error(string what)
            => new($"{source}: malformed .npy header ({what} at position {_pos}): {text.Trim()}");
    }
}
