using static GameDrift.Torch.Native.NativeMethods;

namespace GameDrift.Torch;

internal enum ReduceOp { Sum, Mean, Prod, Amax, Amin, LogSumExp, All, Any }

public sealed partial class Tensor
{
    private unsafe Tensor Red(ReduceOp op, long[]? dims, bool keepDim)
    {
        dims ??= Array.Empty<long>();
        fixed (long* d = dims) return R(gd_reduce((int)op, Handle, d, dims.Length, keepDim ? 1 : 0));
    }

    public Tensor Sum() => Red(ReduceOp.Sum, null, false);
    public Tensor Sum(long dim, bool keepDim = false) => Red(ReduceOp.Sum, new[] { dim }, keepDim);
    public Tensor Sum(long[] dims, bool keepDim = false) => Red(ReduceOp.Sum, dims, keepDim);
    public Tensor Mean() => Red(ReduceOp.Mean, null, false);
    public Tensor Mean(long dim, bool keepDim = false) => Red(ReduceOp.Mean, new[] { dim }, keepDim);
    public Tensor Mean(long[] dims, bool keepDim = false) => Red(ReduceOp.Mean, dims, keepDim);
    public Tensor Prod() => Red(ReduceOp.Prod, null, false);
    public Tensor Prod(long dim, bool keepDim = false) => Red(ReduceOp.Prod, new[] { dim }, keepDim);
    public Tensor Amax() => Red(ReduceOp.Amax, null, false);
    public Tensor Amax(long dim, bool keepDim = false) => Red(ReduceOp.Amax, new[] { dim }, keepDim);
    public Tensor Amin() => Red(ReduceOp.Amin, null, false);
    public Tensor Amin(long dim, bool keepDim = false) => Red(ReduceOp.Amin, new[] { dim }, keepDim);
    /// <summary>Maximum of all elements.</summary>
    public Tensor Max() => Amax();
    /// <summary>Minimum of all elements.</summary>
    public Tensor Min() => Amin();
    public Tensor LogSumExp() => Red(ReduceOp.LogSumExp, null, false);
    public Tensor LogSumExp(long dim, bool keepDim = false) => Red(ReduceOp.LogSumExp, new[] { dim }, keepDim);
    public Tensor All() => Red(ReduceOp.All, null, false);
    public Tensor All(long dim, bool keepDim = false) => Red(ReduceOp.All, new[] { dim }, keepDim);
    public Tensor Any() => Red(ReduceOp.Any, null, false);
    public Tensor Any(long dim, bool keepDim = false) => Red(ReduceOp.Any, new[] { dim }, keepDim);

    private unsafe Tensor VarStd(long[]? dims, long correction, bool keepDim, bool std)
    {
        dims ??= Array.Empty<long>();
        fixed (long* d = dims) return R(gd_var_std(Handle, d, dims.Length, correction, keepDim ? 1 : 0, std ? 1 : 0));
    }

    /// <summary>Variance; unbiased (N-1) by default as in PyTorch.</summary>
    public Tensor Var(bool unbiased = true) => VarStd(null, unbiased ? 1 : 0, false, false);
    public Tensor Var(long dim, bool unbiased = true, bool keepDim = false) => VarStd(new[] { dim }, unbiased ? 1 : 0, keepDim, false);
    public Tensor Var(long[] dims, bool unbiased = true, bool keepDim = false) => VarStd(dims, unbiased ? 1 : 0, keepDim, false);
    public Tensor Std(bool unbiased = true) => VarStd(null, unbiased ? 1 : 0, false, true);
    public Tensor Std(long dim, bool unbiased = true, bool keepDim = false) => VarStd(new[] { dim }, unbiased ? 1 : 0, keepDim, true);
    public Tensor Std(long[] dims, bool unbiased = true, bool keepDim = false) => VarStd(dims, unbiased ? 1 : 0, keepDim, true);
    /// <summary>Variance and standard deviation with Bessel's correction generalised: divide by N - correction
    /// (<c>torch.var(x, dims, correction=c)</c>); dims null or empty reduce over all elements.</summary>
    public Tensor Var(long[]? dims, long correction, bool keepDim = false) => VarStd(dims, correction, keepDim, false);
    public Tensor Std(long[]? dims, long correction, bool keepDim = false) => VarStd(dims, correction, keepDim, true);

    /// <summary>Vector p-norm over all elements or the given dims (torch.linalg.vector_norm).</summary>
    public unsafe Tensor Norm(double p = 2, long[]? dims = null, bool keepDim = false)
    {
        dims ??= Array.Empty<long>();
        fixed (long* d = dims) return R(gd_norm(Handle, p, d, dims.Length, keepDim ? 1 : 0));
    }

    /// <summary>Maximum along a dimension: (values, indices).</summary>
    public (Tensor Values, Tensor Indices) Max(long dim, bool keepDim = false) => MaxMin(dim, keepDim, false);
    public (Tensor Values, Tensor Indices) Min(long dim, bool keepDim = false) => MaxMin(dim, keepDim, true);
    private (Tensor, Tensor) MaxMin(long dim, bool keepDim, bool min)
    {
        TorchException.Check(gd_max_dim(Handle, dim, keepDim ? 1 : 0, min ? 1 : 0, out var v, out var i));
        GC.KeepAlive(this);
        return (new Tensor(v), new Tensor(i));
    }
    public Tensor ArgMax() => R(gd_argmax(Handle, 0, 0, 0, 0));
    public Tensor ArgMax(long dim, bool keepDim = false) => R(gd_argmax(Handle, dim, 1, keepDim ? 1 : 0, 0));
    public Tensor ArgMin() => R(gd_argmax(Handle, 0, 0, 0, 1));
    public Tensor ArgMin(long dim, bool keepDim = false) => R(gd_argmax(Handle, dim, 1, keepDim ? 1 : 0, 1));
    public (Tensor Values, Tensor Indices) Sort(long dim = -1, bool descending = false)
    {
        TorchException.Check(gd_sort(Handle, dim, descending ? 1 : 0, out var v, out var i));
        GC.KeepAlive(this);
        return (new Tensor(v), new Tensor(i));
    }
    public (Tensor Values, Tensor Indices) TopK(long k, long dim = -1, bool largest = true)
    {
        TorchException.Check(gd_topk(Handle, k, dim, largest ? 1 : 0, out var v, out var i));
        GC.KeepAlive(this);
        return (new Tensor(v), new Tensor(i));
    }

    // ---- linear algebra ----
    public Tensor Matmul(Tensor other) => R(gd_matmul(Handle, other.Handle), other);
    public Tensor Mm(Tensor other) => R(gd_mm(Handle, other.Handle), other);
    public Tensor Bmm(Tensor other) => R(gd_bmm(Handle, other.Handle), other);
    public Tensor Outer(Tensor other) => R(gd_outer(Handle, other.Handle), other);
    public Tensor Dot(Tensor other) => R(gd_dot(Handle, other.Handle), other);
    public Tensor Trace() => R(gd_trace(Handle));
    /// <summary>Transpose of a 2-D tensor (PyTorch's .t()).</summary>
    public Tensor T() => Transpose(0, 1);
    /// <summary>Transpose of the last two dimensions (PyTorch's .mT).</summary>
    public Tensor MT => Transpose(-2, -1);
}
