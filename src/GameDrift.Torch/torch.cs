using System.Runtime.InteropServices;
using static GameDrift.Torch.Native.NativeMethods;

namespace GameDrift.Torch;

/// <summary>Tensor factories and global settings, named as in PyTorch (torch.zeros → torch.Zeros).</summary>
public static partial class torch
{
    static torch()
    {
        // libtorch starts with one intra-op thread here; use every core unless the user says otherwise.
        var env = Environment.GetEnvironmentVariable("GAMEDRIFT_NUM_THREADS");
        gd_set_num_threads(int.TryParse(env, out var n) && n > 0 ? n : Environment.ProcessorCount);
    }

    /// <summary>Element type used when a factory is given none (float32, as in PyTorch).</summary>
    public static ScalarType DefaultDType { get; set; } = ScalarType.Float32;

    public static readonly ScalarType float32 = ScalarType.Float32, float64 = ScalarType.Float64,
        int64 = ScalarType.Int64, int32 = ScalarType.Int32, uint8 = ScalarType.Byte, @bool = ScalarType.Bool;

    // ---- settings ----
    /// <summary>Whether glibc's allocator keeps freed tensor memory for reuse (a fixed mmap threshold, no trimming), as the
    /// binding sets it when it loads on Linux unless GAMEDRIFT_MALLOC=default (Native/CpuAllocator.cs).</summary>
    public static bool AllocatorTuned
    {
        get
        {
            gd_get_num_threads(); // any native call loads the binding, which applies the settings first
            return Native.CpuAllocator.Tuned;
        }
    }
    public static int NumThreads { get => gd_get_num_threads(); set => gd_set_num_threads(value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "thread count must be positive")); }
    public static void ManualSeed(ulong seed) => gd_manual_seed(seed);
    public static string Version => TorchException.TakeString(gd_version());
    /// <summary>libtorch's build configuration (BLAS, OpenMP, CUDA…).</summary>
    public static string Config => TorchException.TakeString(gd_config());

    public static class cuda
    {
        public static bool IsAvailable() => gd_cuda_is_available() == 1;
        public static int DeviceCount() => gd_cuda_device_count();
        public static void Synchronize(int index = 0) => TorchException.Check(gd_cuda_synchronize(index));

        /// <summary>TF32 tensor cores for float32 convolutions and matrix products (<c>torch.backends.cudnn.allow_tf32</c>
        /// and <c>torch.backends.cuda.matmul.allow_tf32</c> together; PyTorch's defaults are on for convolutions, off for
        /// matrix products). Off, a CUDA float32 result matches the CPU's to float32 rounding.</summary>
        public static void SetAllowTF32(bool convolutions, bool matmul) =>
            TorchException.Check(gd_set_allow_tf32(convolutions ? 1 : 0, matmul ? 1 : 0));

        public static bool AllowTF32Convolutions => gd_allow_tf32_cudnn() == 1;
    }

    // ---- scopes ----
    /// <summary>Frees every tensor created inside it when disposed (see <see cref="DisposeScope"/>).</summary>
    public static DisposeScope NewDisposeScope() => new();
    /// <summary>Disables gradient tracking on this thread until disposed (<c>with torch.no_grad():</c>).</summary>
    public static GradModeGuard NoGrad() => new(false);
    public static GradModeGuard EnableGrad() => new(true);

    // ---- factories ----
    private static unsafe Tensor Make(delegate*<long*, int, int, int, int, int, IntPtr> f, long[] shape, ScalarType? dtype, Device? device, bool requiresGrad)
    {
        var d = device ?? Device.CPU;
        Tensor t;
        fixed (long* s = shape) t = new Tensor(f(s, shape.Length, (int)(dtype ?? DefaultDType), (int)d.Type, d.Index, 0));
        // ATen's factories ignore requires_grad in their options: set it on the result.
        if (requiresGrad) t.RequiresGrad = true;
        return t;
    }

    public static unsafe Tensor Empty(long[] shape, ScalarType? dtype = null, Device? device = null, bool requiresGrad = false) => Make(&gd_empty, shape, dtype, device, requiresGrad);
    public static unsafe Tensor Zeros(long[] shape, ScalarType? dtype = null, Device? device = null, bool requiresGrad = false) => Make(&gd_zeros, shape, dtype, device, requiresGrad);
    public static unsafe Tensor Ones(long[] shape, ScalarType? dtype = null, Device? device = null, bool requiresGrad = false) => Make(&gd_ones, shape, dtype, device, requiresGrad);
    public static Tensor Zeros(params long[] shape) => Zeros(shape, null);
    public static Tensor Ones(params long[] shape) => Ones(shape, null);
    public static unsafe Tensor Full(long[] shape, double value, ScalarType? dtype = null, Device? device = null, bool requiresGrad = false)
    {
        var d = device ?? Device.CPU;
        var t = dtype ?? DefaultDType;
        Tensor r;
        fixed (long* s = shape)
            r = new Tensor(gd_full(s, shape.Length, value, (long)value, t.IsFloatingPoint() ? 0 : 1, (int)t, (int)d.Type, d.Index, 0));
        if (requiresGrad) r.RequiresGrad = true;
        return r;
    }
    public static Tensor Scalar(double value, ScalarType? dtype = null, Device? device = null, bool requiresGrad = false) =>
        Full(Array.Empty<long>(), value, dtype, device, requiresGrad);
    public static Tensor Eye(long n, long? m = null, ScalarType? dtype = null, Device? device = null)
    {
        var d = device ?? Device.CPU;
        return new Tensor(gd_eye(n, m ?? n, (int)(dtype ?? DefaultDType), (int)d.Type, d.Index));
    }
    /// <summary>Values start, start+step, … below end. Integral arguments give int64 unless a dtype is given.</summary>
    public static Tensor Arange(double start, double end, double step = 1, ScalarType? dtype = null, Device? device = null)
    {
        if (step == 0) throw new ArgumentException("arange step must be non-zero");
        var integral = start == Math.Floor(start) && end == Math.Floor(end) && step == Math.Floor(step);
        var d = device ?? Device.CPU;
        return new Tensor(gd_arange(start, end, step, (int)(dtype ?? (integral ? ScalarType.Int64 : DefaultDType)), (int)d.Type, d.Index));
    }
    public static Tensor Arange(long end, ScalarType? dtype = null, Device? device = null) => Arange(0, end, 1, dtype, device);
    public static Tensor Linspace(double start, double end, long steps, ScalarType? dtype = null, Device? device = null)
    {
        var d = device ?? Device.CPU;
        return new Tensor(gd_linspace(start, end, steps, (int)(dtype ?? DefaultDType), (int)d.Type, d.Index));
    }
    public static Tensor ZerosLike(Tensor t) => t.R(gd_zeros_like(t.Handle));
    public static Tensor OnesLike(Tensor t) => t.R(gd_ones_like(t.Handle));
    public static Tensor FullLike(Tensor t, double v) => t.R(gd_full_like(t.Handle, v));

    // ---- from .NET data (copied) ----
    public static unsafe Tensor Tensor<T>(ReadOnlySpan<T> data, long[]? shape = null, Device? device = null, bool requiresGrad = false) where T : unmanaged
    {
        shape ??= new long[] { data.Length };
        var n = shape.Aggregate(1L, (a, b) => a * b);
        if (n != data.Length) throw new ArgumentException($"shape [{string.Join(", ", shape)}] holds {n} elements but the data has {data.Length}");
        var d = device ?? Device.CPU;
        Tensor t;
        fixed (T* p = data) fixed (long* s = shape)
            t = new Tensor(gd_from_blob(p, s, shape.Length, (int)ScalarTypeExtensions.Of<T>(), (int)d.Type, d.Index));
        if (requiresGrad) t.RequiresGrad = true;
        return t;
    }
    public static Tensor Tensor<T>(T[] data, long[]? shape = null, Device? device = null, bool requiresGrad = false) where T : unmanaged =>
        Tensor(new ReadOnlySpan<T>(data), shape, device, requiresGrad);
    public static Tensor Tensor<T>(T[,] data, Device? device = null, bool requiresGrad = false) where T : unmanaged =>
        Tensor(MemoryMarshal.CreateReadOnlySpan(ref data[0, 0], data.Length), new long[] { data.GetLength(0), data.GetLength(1) }, device, requiresGrad);
    /// <summary>A 0-d or 1-d tensor from values, e.g. <c>torch.Tensor(1.0, 2.0)</c> → float64 [2].</summary>
    public static Tensor Tensor(params double[] data) => Tensor<double>(data);
    public static Tensor Tensor(params float[] data) => Tensor<float>(data);
    public static Tensor Tensor(params long[] data) => Tensor<long>(data);

    // ---- random ----
    private static unsafe Tensor Rand(delegate*<long*, int, IntPtr, int, int, int, IntPtr> f, long[] shape, Generator? g, ScalarType? dtype, Device? device, bool requiresGrad)
    {
        var d = device ?? Device.CPU;
        Tensor t;
        fixed (long* s = shape) t = new Tensor(f(s, shape.Length, g?.Handle ?? IntPtr.Zero, (int)(dtype ?? DefaultDType), (int)d.Type, d.Index));
        GC.KeepAlive(g);
        if (requiresGrad) t.RequiresGrad = true;
        return t;
    }
    public static unsafe Tensor Randn(long[] shape, Generator? generator = null, ScalarType? dtype = null, Device? device = null, bool requiresGrad = false) =>
        Rand(&gd_randn, shape, generator, dtype, device, requiresGrad);
    public static unsafe Tensor Rand(long[] shape, Generator? generator = null, ScalarType? dtype = null, Device? device = null, bool requiresGrad = false) =>
        Rand(&gd_rand, shape, generator, dtype, device, requiresGrad);
    public static Tensor Randn(params long[] shape) => Randn(shape, null);
    public static Tensor Rand(params long[] shape) => Rand(shape, null);
    public static unsafe Tensor RandInt(long low, long high, long[] shape, Generator? generator = null, ScalarType? dtype = null, Device? device = null)
    {
        if (high <= low) throw new ArgumentException($"randint needs low < high (got {low}, {high})");
        var d = device ?? Device.CPU;
        Tensor t;
        fixed (long* s = shape) t = new Tensor(gd_randint(low, high, s, shape.Length, generator?.Handle ?? IntPtr.Zero, (int)(dtype ?? ScalarType.Int64), (int)d.Type, d.Index));
        GC.KeepAlive(generator);
        return t;
    }
    public static Tensor RandPerm(long n, Generator? generator = null, Device? device = null)
    {
        var d = device ?? Device.CPU;
        var t = new Tensor(gd_randperm(n, generator?.Handle ?? IntPtr.Zero, (int)d.Type, d.Index));
        GC.KeepAlive(generator);
        return t;
    }
    public static Tensor Bernoulli(Tensor p, Generator? generator = null)
    {
        var t = p.R(gd_bernoulli(p.Handle, generator?.Handle ?? IntPtr.Zero));
        GC.KeepAlive(generator);
        return t;
    }

    // ---- combining ----
    private static unsafe Tensor Join(delegate*<IntPtr*, int, long, IntPtr> f, IReadOnlyList<Tensor> ts, long dim)
    {
        if (ts.Count == 0) throw new ArgumentException("needs at least one tensor");
        var hs = ts.Select(t => t.Handle).ToArray();
        Tensor r;
        fixed (IntPtr* p = hs) r = new Tensor(f(p, hs.Length, dim));
        GC.KeepAlive(ts);
        return r;
    }
    public static unsafe Tensor Cat(IReadOnlyList<Tensor> tensors, long dim = 0) => Join(&gd_cat, tensors, dim);
    public static unsafe Tensor Stack(IReadOnlyList<Tensor> tensors, long dim = 0) => Join(&gd_stack, tensors, dim);
    public static Tensor Where(Tensor condition, Tensor a, Tensor b)
    {
        var r = condition.R(gd_where(condition.Handle, a.Handle, b.Handle), a, b);
        return r;
    }
    public static Tensor Matmul(Tensor a, Tensor b) => a.Matmul(b);
    public static Tensor Outer(Tensor a, Tensor b) => a.Outer(b);
    public static Tensor Maximum(Tensor a, Tensor b) => a.Maximum(b);
    public static Tensor Minimum(Tensor a, Tensor b) => a.Minimum(b);
    public static Tensor Pow(Tensor a, double e) => a.Pow(e);
    public static Tensor Exp(Tensor a) => a.Exp();
    public static Tensor Log(Tensor a) => a.Log();
    public static Tensor Sqrt(Tensor a) => a.Sqrt();
    public static Tensor Abs(Tensor a) => a.Abs();
    public static Tensor Clamp(Tensor a, double? min = null, double? max = null) => a.Clamp(min, max);
    public static Tensor Sum(Tensor a) => a.Sum();
    public static Tensor Mean(Tensor a) => a.Mean();
}
