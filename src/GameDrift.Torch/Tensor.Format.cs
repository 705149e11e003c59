using System.Globalization;
using System.Text;

namespace GameDrift.Torch;

public sealed partial class Tensor
{
    // PyTorch's default print options (torch._tensor_str.PRINT_OPTS).
    private const int Precision = 4, Threshold = 1000, EdgeItems = 3, LineWidth = 80;

    /// <summary>Values as PyTorch 1.13's <c>repr</c> prints them, e.g. <c>tensor([[1.0000, 2.5000]], dtype=torch.float64, requires_grad=True)</c>:
    /// same number format, column widths, line wrapping at 80 characters, summarisation beyond 1000 elements and suffixes.</summary>
    public override string ToString()
    {
        if (IsDisposed) return "tensor(<disposed>)";
        const string prefix = "tensor(";
        var indent = prefix.Length;
        var shape = Shape;
        var dtype = DType;
        var suffixes = new List<string>();
        var dev = Device;
        if (dev.IsCuda) suffixes.Add($"device='{dev}'");
        string body;
        if (NumberOfElements == 0)
        {
            // Empty tensors show their shape unless it is (0,), and any dtype but the default one.
            if (shape.Length != 1) suffixes.Add($"size=({string.Join(", ", shape)}{(shape.Length == 1 ? "," : "")})");
            if (dtype != torch.DefaultDType) suffixes.Add($"dtype={dtype.TorchName()}");
            body = "[]";
        }
        else
        {
            if (dtype != torch.DefaultDType && dtype != ScalarType.Int64 && dtype != ScalarType.Bool) suffixes.Add($"dtype={dtype.TorchName()}");
            body = new Printer(this, shape, dtype).Print(indent);
        }
        if (RequiresGrad) suffixes.Add(IsLeaf ? "requires_grad=True" : $"grad_fn=<{ShortGradFnName()}>");
        return AddSuffixes(prefix + body, suffixes, indent);
    }

    // libtorch may name nodes with their C++ namespace; Python shows the class name only.
    private string ShortGradFnName()
    {
        var n = GradFnName;
        var i = n.LastIndexOf("::", StringComparison.Ordinal);
        return i < 0 ? n : n[(i + 2)..];
    }

    private static string AddSuffixes(string text, List<string> suffixes, int indent)
    {
        var sb = new StringBuilder(text);
        // Python's last_line_len = len(s) - s.rfind('\n') + 1 (so a single line counts two extra characters).
        var lastLine = text.Length - text.LastIndexOf('\n') + 1;
        foreach (var s in suffixes)
        {
            if (lastLine + s.Length + 2 > LineWidth)
            {
                sb.Append(",\n").Append(' ', indent).Append(s);
                lastLine = indent + s.Length;
            }
            else
            {
                sb.Append(", ").Append(s);
                lastLine += s.Length + 2;
            }
        }
        return sb.Append(')').ToString();
    }

    /// <summary>torch._tensor_str: a formatter fitted to the printed values, then nested brackets.</summary>
    private sealed class Printer
    {
        private readonly long[] shape;
        private readonly long[] strides;
        private readonly bool summarize;
        private readonly Func<long, string> format;
        private readonly int width;

        public Printer(Tensor t, long[] shape, ScalarType dtype)
        {
            this.shape = shape;
            strides = new long[shape.Length];
            for (long d = shape.Length - 1, s = 1; d >= 0; s *= shape[d], d--) strides[d] = s;
            summarize = t.NumberOfElements > Threshold;
            var shown = Shown(0, 0).ToArray();
            if (dtype.IsFloatingPoint())
            {
                var f = t.ToArray<double>();
                var (fmt, w) = FloatFormat(shown.Select(i => f[i]));
                format = i => fmt(f[i]);
                width = w;
                return;
            }
            if (dtype == ScalarType.Bool)
            {
                var b = t.ToArray<bool>();
                format = i => b[i] ? "True" : "False";
            }
            else
            {
                var v = t.ToArray<long>();
                format = i => v[i].ToString(CultureInfo.InvariantCulture);
            }
            width = Math.Max(1, shown.Max(i => format(i).Length));
        }

        /// <summary>_Formatter for floating-point values: integer, fixed or scientific mode and the column width.</summary>
        private static (Func<double, string>, int) FloatFormat(IEnumerable<double> values)
        {
            var nz = values.Where(x => double.IsFinite(x) && x != 0).ToArray();
            if (nz.Length == 0) return (x => IntStyle(x), 1);
            var abs = nz.Select(Math.Abs).ToArray();
            double min = abs.Min(), max = abs.Max();
            var intMode = nz.All(x => x == Math.Ceiling(x));
            var sci = max / min > 1000 || max > 1e8 || (!intMode && min < 1e-4);
            if (sci) return (x => PyFloat.Scientific(x, Precision), nz.Max(x => PyFloat.Scientific(x, Precision).Length));
            if (intMode) return (IntStyle, nz.Max(x => PyFloat.Fixed(x, 0).Length + 1));
            return (x => PyFloat.Fixed(x, Precision), nz.Max(x => PyFloat.Fixed(x, Precision).Length));
        }

        private static string IntStyle(double x) => PyFloat.Fixed(x, 0) + (double.IsFinite(x) ? "." : "");

        private string Cell(long i)
        {
            var s = format(i);
            return s.Length < width ? new string(' ', width - s.Length) + s : s;
        }

        /// <summary>Flat offsets of the printed elements (get_summarized_data).</summary>
        private IEnumerable<long> Shown(int dim, long offset)
        {
            if (shape.Length == 0) { yield return 0; yield break; }
            foreach (var i in Rows(dim))
            {
                if (i < 0) continue;
                var o = offset + i * strides[dim];
                if (dim == shape.Length - 1) yield return o;
                else foreach (var x in Shown(dim + 1, o)) yield return x;
            }
        }

        /// <summary>Indices along a dimension, with -1 for the "..." row when summarising.</summary>
        private IEnumerable<long> Rows(int dim)
        {
            var n = shape[dim];
            if (!summarize || n <= 2 * EdgeItems)
            {
                for (long i = 0; i < n; i++) yield return i;
                yield break;
            }
            for (long i = 0; i < EdgeItems; i++) yield return i;
            yield return -1;
            for (var i = n - EdgeItems; i < n; i++) yield return i;
        }

        public string Print(int indent) => shape.Length == 0 ? Cell(0) : Nested(0, 0, indent);

        private string Nested(int dim, long offset, int indent)
        {
            if (dim == shape.Length - 1) return Vector(offset, indent);
            var parts = Rows(dim).Select(i => i < 0 ? "..." : Nested(dim + 1, offset + i * strides[dim], indent + 1));
            var sep = "," + new string('\n', shape.Length - dim - 1) + new string(' ', indent + 1);
            return "[" + string.Join(sep, parts) + "]";
        }

        private string Vector(long offset, int indent)
        {
            var perLine = Math.Max(1, (LineWidth - indent) / (width + 2));
            var cells = Rows(shape.Length - 1).Select(i => i < 0 ? " ..." : Cell(offset + i)).ToList();
            var lines = cells.Chunk(perLine).Select(c => string.Join(", ", c));
            return "[" + string.Join(",\n" + new string(' ', indent + 1), lines) + "]";
        }
    }
}
