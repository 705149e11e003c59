using static GameDrift.Torch.Native.NativeMethods;

namespace GameDrift.Torch;

public sealed partial class Tensor
{
    private unsafe Tensor WithDims(delegate*<IntPtr, long*, int, IntPtr> f, long[] dims)
    {
        fixed (long* d = dims) return R(f(Handle, d, dims.Length));
    }

    public unsafe Tensor View(params long[] shape) => WithDims(&gd_view, shape);
    public unsafe Tensor Reshape(params long[] shape) => WithDims(&gd_reshape, shape);
    public unsafe Tensor Permute(params long[] dims) => WithDims(&gd_permute, dims);
    public unsafe Tensor Expand(params long[] shape) => WithDims(&gd_expand, shape);
    public unsafe Tensor Repeat(params long[] repeats) => WithDims(&gd_repeat, repeats);
    public unsafe Tensor Flip(params long[] dims) => WithDims(&gd_flip, dims);
    public Tensor ExpandAs(Tensor other) => Expand(other.Shape);
    public Tensor ViewAs(Tensor other) => View(other.Shape);
    public Tensor Transpose(long dim0, long dim1) => R(gd_transpose(Handle, dim0, dim1));
    public Tensor Squeeze() => R(gd_squeeze(Handle));
    public Tensor Squeeze(long dim) => R(gd_squeeze_dim(Handle, dim));
    public Tensor Unsqueeze(long dim) => R(gd_unsqueeze(Handle, dim));
    public Tensor Flatten(long startDim = 0, long endDim = -1) => R(gd_flatten(Handle, startDim, endDim));
    public unsafe Tensor Roll(long[] shifts, long[] dims)
    {
        if (shifts.Length != dims.Length) throw new ArgumentException("shifts and dims must have the same length");
        fixed (long* s = shifts) fixed (long* d = dims) return R(gd_roll(Handle, s, d, dims.Length));
    }

    /// <summary>Splits into <paramref name="chunks"/> pieces along <paramref name="dim"/> (the last may be smaller).</summary>
    public unsafe Tensor[] Chunk(long chunks, long dim = 0)
    {
        if (chunks <= 0) throw new ArgumentOutOfRangeException(nameof(chunks), "chunks must be positive");
        var buf = new IntPtr[chunks];
        int n;
        fixed (IntPtr* p = buf) n = TorchException.Check(gd_chunk(Handle, chunks, dim, p, buf.Length));
        GC.KeepAlive(this);
        var r = new Tensor[n];
        for (var i = 0; i < n; i++) r[i] = new Tensor(buf[i]);
        return r;
    }

    /// <summary>Splits into pieces of the given sizes along <paramref name="dim"/>.</summary>
    public unsafe Tensor[] Split(long[] sizes, long dim = 0)
    {
        var buf = new IntPtr[sizes.Length];
        int n;
        fixed (long* s = sizes) fixed (IntPtr* p = buf) n = TorchException.Check(gd_split(Handle, s, sizes.Length, dim, p));
        GC.KeepAlive(this);
        return buf.Take(n).Select(h => new Tensor(h)).ToArray();
    }

    // ---- indexing ----
    public Tensor Select(long dim, long index) => R(gd_select(Handle, dim, index));
    public Tensor Slice(long dim, long start, long end, long step = 1) => R(gd_slice(Handle, dim, start, end, step));
    public Tensor Narrow(long dim, long start, long length) => R(gd_narrow(Handle, dim, start, length));
    public Tensor IndexSelect(long dim, Tensor index) => R(gd_index_select(Handle, dim, index.Handle), index);
    public Tensor Gather(long dim, Tensor index) => R(gd_gather(Handle, dim, index.Handle), index);
    public Tensor MaskedSelect(Tensor mask) => R(gd_masked_select(Handle, mask.Handle), mask);
    public Tensor MaskedFill(Tensor mask, double value) => R(gd_masked_fill(Handle, mask.Handle, value), mask);
    public Tensor Nonzero() => R(gd_nonzero(Handle));
    public Tensor OneHot(long numClasses = -1) => R(gd_one_hot(Handle, numClasses));
    public Tensor Tril(long diagonal = 0) => R(gd_tril(Handle, diagonal));
    public Tensor Triu(long diagonal = 0) => R(gd_triu(Handle, diagonal));
    public Tensor Diag(long diagonal = 0) => R(gd_diag(Handle, diagonal));
    public Tensor DiagEmbed() => R(gd_diag_embed(Handle));

    /// <summary>Advanced indexing with tensors (long indices or bool masks) for the leading dimensions,
    /// like <c>t[i0, i1]</c> in PyTorch; a null entry keeps that dimension whole.</summary>
    public unsafe Tensor Index(params Tensor?[] indices)
    {
        var hs = indices.Select(H).ToArray();
        fixed (IntPtr* p = hs)
        {
            var r = R(gd_index(Handle, p, hs.Length));
            GC.KeepAlive(indices);
            return r;
        }
    }

    /// <summary>In-place <c>t[indices] = values</c> with tensor indices.</summary>
    public unsafe Tensor IndexPut_(Tensor?[] indices, Tensor values)
    {
        var hs = indices.Select(H).ToArray();
        fixed (IntPtr* p = hs) S(gd_index_put_(Handle, p, hs.Length, values.Handle), values);
        GC.KeepAlive(indices);
        return this;
    }

    /// <summary>PyTorch-style indexing: integers select, ranges slice (<c>t[1..3]</c>, <c>t[.., 0]</c>),
    /// <see cref="TensorIndex.None"/> inserts a dimension, <see cref="TensorIndex.Ellipsis"/> skips the
    /// rest, and one tensor (long indices or a bool mask) indexes its dimension.</summary>
    [System.Runtime.CompilerServices.IndexerName("At")]
    public Tensor this[params TensorIndex[] indices]
    {
        get => TensorIndex.Apply(this, indices);
        set => TensorIndex.Assign(this, indices, value);
    }

    [System.Runtime.CompilerServices.IndexerName("At")]
    public Tensor this[long i] { get => Select(0, i); set { using var v = Select(0, i); v.Copy_(value); } }
}
