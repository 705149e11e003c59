using GameDrift.Torch.Native;
using static GameDrift.Torch.Native.NativeMethods;

namespace GameDrift.Torch;

/// <summary>A libtorch tensor. It owns one native handle: <see cref="Dispose"/> frees it at once, the
/// innermost <see cref="DisposeScope"/> frees it at the scope's end, and a finalizer is the backstop.</summary>
public sealed partial class Tensor : IDisposable
{
    private IntPtr handle;
    private DisposeScope? scope;
    private static long live;

    internal Tensor(IntPtr h)
    {
        handle = TorchException.Check(h);
        Interlocked.Increment(ref live);
        scope = DisposeScope.Current;
        scope?.Add(this);
    }

    /// <summary>Number of tensors alive in this process (native handles not yet freed): a leak probe.</summary>
    public static long LiveCount => Interlocked.Read(ref live);

    internal IntPtr Handle => handle != IntPtr.Zero
        ? handle
        : throw new ObjectDisposedException(nameof(Tensor), "this tensor was disposed (directly or by the end of its dispose scope)");

    public bool IsDisposed => handle == IntPtr.Zero;

    public void Dispose()
    {
        scope?.Remove(this);
        scope = null;
        Free();
        GC.SuppressFinalize(this);
    }

    internal void DisposeFromScope()
    {
        scope = null;
        Free();
        GC.SuppressFinalize(this);
    }

    ~Tensor() => Free();

    private void Free()
    {
        var h = Interlocked.Exchange(ref handle, IntPtr.Zero);
        if (h == IntPtr.Zero) return;
        gd_tensor_free(h);
        Interlocked.Decrement(ref live);
    }

    /// <summary>Hands this tensor to the enclosing dispose scope (or to no scope) so it outlives the current one.</summary>
    public Tensor MoveToOuterDisposeScope()
    {
        var outer = scope?.Outer;
        scope?.Remove(this);
        scope = outer;
        outer?.Add(this);
        return this;
    }

    /// <summary>Takes this tensor out of every dispose scope: only Dispose (or the finalizer) frees it.</summary>
    public Tensor DetachFromDisposeScope()
    {
        scope?.Remove(this);
        scope = null;
        return this;
    }

    // Wrapping a native result through an instance method keeps `this` (and the other operands) reachable
    // until the native call has returned, so a finalizer can never free a handle that is in use.
    internal Tensor R(IntPtr result) { GC.KeepAlive(this); return new Tensor(result); }
    internal Tensor R(IntPtr result, Tensor a) { GC.KeepAlive(this); GC.KeepAlive(a); return new Tensor(result); }
    internal Tensor R(IntPtr result, Tensor? a, Tensor? b) { GC.KeepAlive(this); GC.KeepAlive(a); GC.KeepAlive(b); return new Tensor(result); }
    internal Tensor S(int status) { TorchException.Check(status); GC.KeepAlive(this); return this; }
    internal Tensor S(int status, Tensor a) { TorchException.Check(status); GC.KeepAlive(this); GC.KeepAlive(a); return this; }
    internal static IntPtr H(Tensor? t) => t?.Handle ?? IntPtr.Zero;

    // ---- properties ----
    public unsafe long[] Shape
    {
        get
        {
            var buf = stackalloc long[16];
            var n = TorchException.Check(gd_shape(Handle, buf, 16));
            var s = new long[n];
            if (n > 16)
            {
                fixed (long* p = s) gd_shape(Handle, p, n);
            }
            else for (var i = 0; i < n; i++) s[i] = buf[i];
            GC.KeepAlive(this);
            return s;
        }
    }

    public long Size(int dim)
    {
        var s = Shape;
        var d = dim < 0 ? dim + s.Length : dim;
        if (d < 0 || d >= s.Length) throw new ArgumentOutOfRangeException(nameof(dim), $"dimension {dim} out of range for a tensor of {s.Length} dimensions");
        return s[d];
    }

    public int Dim { get { var d = TorchException.Check(gd_dim(Handle)); GC.KeepAlive(this); return d; } }
    public long NumberOfElements { get { var n = TorchException.Check(gd_numel(Handle)); GC.KeepAlive(this); return n; } }
    public ScalarType DType { get { var d = (ScalarType)TorchException.Check(gd_dtype(Handle)); GC.KeepAlive(this); return d; } }
    public Device Device
    {
        get
        {
            var t = TorchException.Check(gd_device_type(Handle));
            var i = gd_device_index(Handle);
            GC.KeepAlive(this);
            return new Device((DeviceType)t, i);
        }
    }
    public bool IsCuda => Device.IsCuda;
    public bool IsContiguous { get { var r = gd_is_contiguous(Handle) == 1; GC.KeepAlive(this); return r; } }
    public bool IsLeaf { get { var r = TorchException.Check(gd_is_leaf(Handle)) == 1; GC.KeepAlive(this); return r; } }

    public bool RequiresGrad
    {
        get { var r = TorchException.Check(gd_requires_grad(Handle)) == 1; GC.KeepAlive(this); return r; }
        set => S(gd_set_requires_grad(Handle, value ? 1 : 0));
    }

    /// <summary>Sets <see cref="RequiresGrad"/> and returns this tensor (PyTorch's requires_grad_).</summary>
    public Tensor RequiresGrad_(bool on = true) { RequiresGrad = on; return this; }

    /// <summary>The accumulated gradient (a new handle aliasing it), or null.</summary>
    public Tensor? Grad
    {
        get
        {
            var g = gd_get_grad(Handle);
            GC.KeepAlive(this);
            if (g == IntPtr.Zero)
            {
                var err = gd_last_error();
                if (err != IntPtr.Zero && System.Runtime.InteropServices.Marshal.ReadByte(err) != 0) throw TorchException.FromNative();
                return null;
            }
            return new Tensor(g);
        }
        set => S(gd_set_grad(Handle, H(value)), value!);
    }

    /// <summary>The autograd node that produced this tensor ("" for leaves), e.g. "MulBackward0".</summary>
    public string GradFnName { get { var s = TorchException.TakeString(gd_grad_fn_name(Handle)); GC.KeepAlive(this); return s; } }

    public void RetainGrad() => S(gd_retain_grad(Handle));

    /// <summary>Accumulates gradients of this (scalar) tensor into the leaves' <see cref="Grad"/>.</summary>
    public unsafe void Backward(Tensor? gradient = null, bool? retainGraph = null, bool createGraph = false)
    {
        var t = Handle;
        var g = H(gradient);
        TorchException.Check(gd_backward(&t, &g, 1, retainGraph is null ? -1 : retainGraph.Value ? 1 : 0, createGraph ? 1 : 0));
        GC.KeepAlive(this);
        GC.KeepAlive(gradient);
    }

    /// <summary>A new handle to the same storage and autograd history (no copy).</summary>
    public Tensor Alias() => R(gd_tensor_alias(Handle));
}
