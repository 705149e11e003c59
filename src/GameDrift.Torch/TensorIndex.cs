namespace GameDrift.Torch;

/// <summary>One entry of a PyTorch-style index: an integer, a range, a tensor, None (new axis) or Ellipsis.</summary>
public readonly struct TensorIndex
{
    internal enum Kind { Integer, Range, Tensor, None, Ellipsis }
    internal Kind K { get; }
    internal long Int { get; }
    internal Range Rng { get; }
    internal Tensor? Tensor { get; }

    private TensorIndex(Kind k, long i = 0, Range r = default, Tensor? t = null) { K = k; Int = i; Rng = r; Tensor = t; }

    public static readonly TensorIndex None = new(Kind.None);
    public static readonly TensorIndex Ellipsis = new(Kind.Ellipsis);
    public static implicit operator TensorIndex(long i) => new(Kind.Integer, i);
    public static implicit operator TensorIndex(int i) => new(Kind.Integer, i);
    public static implicit operator TensorIndex(Range r) => new(Kind.Range, r: r);
    public static implicit operator TensorIndex(Tensor t) => new(Kind.Tensor, t: t);
    /// <summary>A slice with a step, e.g. <c>TensorIndex.Slice(0, null, 2)</c> for <c>0::2</c>.</summary>
    public static TensorIndex Slice(long? start, long? stop, long step = 1) =>
        new(Kind.Range, i: step, r: new Range(
            start is null ? Index.Start : start < 0 ? Index.FromEnd((int)-start) : Index.FromStart((int)start),
            stop is null ? Index.End : stop < 0 ? Index.FromEnd((int)-stop) : Index.FromStart((int)stop)));

    private long Step => K == Kind.Range && Int > 0 ? Int : 1;

    internal static Tensor Apply(Tensor t, TensorIndex[] idx)
    {
        var ndim = t.Dim;
        var consumed = idx.Count(i => i.K is Kind.Integer or Kind.Range or Kind.Tensor);
        if (consumed > ndim) throw new IndexOutOfRangeException($"too many indices ({consumed}) for a tensor of {ndim} dimensions");
        var cur = t.Alias();
        var dim = 0L;
        var tensorDim = -1L;
        Tensor? tensorIndex = null;
        foreach (var i in idx)
        {
            Tensor next;
            switch (i.K)
            {
                case Kind.Integer:
                    next = cur.Select(dim, i.Int);
                    break;
                case Kind.Range:
                {
                    var size = cur.Size((int)dim);
                    next = cur.Slice(dim, Bound(i.Rng.Start, size), Bound(i.Rng.End, size), i.Step);
                    dim++;
                    break;
                }
                case Kind.None:
                    next = cur.Unsqueeze(dim);
                    dim++;
                    break;
                case Kind.Ellipsis:
                    dim += ndim - consumed;
                    continue;
                default:
                    if (tensorIndex != null) throw new NotSupportedException("only one tensor index per indexing expression is supported");
                    tensorIndex = i.Tensor;
                    tensorDim = dim;
                    dim++;
                    continue;
            }
            cur.Dispose();
            cur = next;
        }
        if (tensorIndex == null) return cur;
        var list = new Tensor?[tensorDim + 1];
        list[tensorDim] = tensorIndex;
        var r = cur.Index(list);
        cur.Dispose();
        return r;
    }

    // Python clamps slice bounds to the dimension (a[1:10] of 3 rows is rows 1..2), where Range.GetOffsetAndLength throws.
    private static long Bound(Index i, long size) => Math.Clamp(i.IsFromEnd ? size - i.Value : i.Value, 0, size);

    private bool IsFullRange => K == Kind.Range && Rng.Equals(Range.All) && Step == 1;

    internal static void Assign(Tensor t, TensorIndex[] idx, Tensor value)
    {
        var tensorPos = Array.FindIndex(idx, i => i.K == Kind.Tensor);
        if (tensorPos < 0)
        {
            using var view = Apply(t, idx);
            view.Copy_(value);
            return;
        }
        // Every other entry must keep its whole dimension, or part of the assignment would be silently dropped.
        if (idx.Where((_, k) => k != tensorPos).Any(i => !i.IsFullRange))
            throw new NotSupportedException("assignment through a tensor index supports only t[.., mask] = v forms");
        var list = new Tensor?[tensorPos + 1];
        list[tensorPos] = idx[tensorPos].Tensor;
        t.IndexPut_(list, value);
    }
}
