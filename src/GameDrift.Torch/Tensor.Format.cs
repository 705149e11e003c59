using System.Globalization;
using System.Text;

namespace GameDrift.Torch;

public sealed partial class Tensor
{
    /// <summary>Values as PyTorch prints them, e.g. <c>tensor([[1.0000, 2.5000]], dtype=torch.float64, requires_grad=True)</c>.</summary>
    public override string ToString()
    {
        if (IsDisposed) return "tensor(<disposed>)";
        var shape = Shape;
        var dtype = DType;
        using var cpu = Detach().To(Device.CPU, dtype.IsFloatingPoint() ? ScalarType.Float64 : dtype == ScalarType.Bool ? ScalarType.Bool : ScalarType.Int64);
        var n = NumberOfElements;
        string[] cells;
        var summarize = n > 1000;
        if (dtype == ScalarType.Bool) cells = cpu.ToArray<bool>().Select(b => b ? "True" : "False").ToArray();
        else if (!dtype.IsFloatingPoint()) cells = cpu.ToArray<long>().Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray();
        else cells = FormatFloats(cpu.ToArray<double>());
        var width = cells.Length == 0 ? 0 : cells.Max(c => c.Length);
        var sb = new StringBuilder("tensor(");
        if (shape.Length == 0) sb.Append(cells[0]);
        else Append(sb, cells, shape, 0, 0, width, 7, summarize);
        var suffix = new List<string>();
        if (n == 0) suffix.Add($"size=({string.Join(", ", shape)}{(shape.Length == 1 ? "," : "")})");
        if (dtype != ScalarType.Float32 && dtype != ScalarType.Int64 && dtype != ScalarType.Bool) suffix.Add($"dtype={dtype.TorchName()}");
        var dev = Device;
        if (dev.IsCuda) suffix.Insert(0, $"device='{dev}'");
        if (RequiresGrad) suffix.Add(IsLeaf ? "requires_grad=True" : $"grad_fn=<{GradFnName}>");
        foreach (var s in suffix) sb.Append(", ").Append(s);
        return sb.Append(')').ToString();
    }

    private static string[] FormatFloats(double[] v)
    {
        var finite = v.Where(double.IsFinite).Select(Math.Abs).ToArray();
        var allInt = finite.All(x => x == Math.Floor(x));
        var max = finite.Length > 0 ? finite.Max() : 0;
        var nonzero = finite.Where(x => x > 0).ToArray();
        var min = nonzero.Length > 0 ? nonzero.Min() : 0;
        // PyTorch switches to scientific notation for very large or very spread values.
        var sci = max >= 1e8 || (nonzero.Length > 0 && (min < 1e-4 || max / min > 1000)) && !allInt;
        return v.Select(x =>
            double.IsNaN(x) ? "nan" : double.IsPositiveInfinity(x) ? "inf" : double.IsNegativeInfinity(x) ? "-inf" :
            sci ? x.ToString("0.0000e+00", CultureInfo.InvariantCulture) :
            allInt ? x.ToString("0", CultureInfo.InvariantCulture) + "." :
            x.ToString("0.0000", CultureInfo.InvariantCulture)).ToArray();
    }

    private static int Append(StringBuilder sb, string[] cells, long[] shape, int dim, int offset, int width, int indent, bool summarize)
    {
        var size = (int)shape[dim];
        var stride = 1;
        for (var d = dim + 1; d < shape.Length; d++) stride *= (int)shape[d];
        sb.Append('[');
        for (var i = 0; i < size; i++)
        {
            if (summarize && size > 6 && i == 3)
            {
                sb.Append(dim == shape.Length - 1 ? "..., " : "...,\n" + new string(' ', indent + dim + 1));
                i = size - 3;
            }
            if (dim == shape.Length - 1) sb.Append(cells[offset + i].PadLeft(width));
            else Append(sb, cells, shape, dim + 1, offset + i * stride, width, indent, summarize);
            if (i < size - 1)
                sb.Append(dim == shape.Length - 1 ? ", " : "," + new string('\n', shape.Length - dim - 1) + new string(' ', indent + dim + 1));
        }
        sb.Append(']');
        return 0;
    }
}
