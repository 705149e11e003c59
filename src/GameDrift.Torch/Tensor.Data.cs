using static GameDrift.Torch.Native.NativeMethods;

namespace GameDrift.Torch;

public sealed partial class Tensor
{
    [ThreadStatic] private static long hostReads;

    /// <summary>How many times this thread copied values from a tensor to .NET memory (<see cref="ToArray{T}"/>,
    /// <see cref="Item{T}"/>). On a GPU each such copy waits for the device, so this tells whether a training step
    /// that logs nothing reads anything back. Per thread, so work on other threads does not count.</summary>
    public static long HostReadsOnThisThread => hostReads;

    /// <summary>Copies the values to a flat .NET array (row-major), converting the element type if needed.</summary>
    public unsafe T[] ToArray<T>() where T : unmanaged
    {
        var want = ScalarTypeExtensions.Of<T>();
        if (DType != want)
        {
            using var c = To(want);
            return c.ToArray<T>();
        }
        var n = NumberOfElements;
        var a = new T[n];
        hostReads++;
        fixed (T* p = a) TorchException.Check(gd_copy_to(Handle, p, n * sizeof(T)));
        GC.KeepAlive(this);
        return a;
    }

    /// <summary>The value of a one-element tensor.</summary>
    public T Item<T>() where T : unmanaged
    {
        hostReads++;
        TorchException.Check(gd_item(Handle, out var d, out var l));
        GC.KeepAlive(this);
        object r = typeof(T) == typeof(double) ? d
            : typeof(T) == typeof(float) ? (float)d
            : typeof(T) == typeof(long) ? l
            : typeof(T) == typeof(int) ? checked((int)l)
            : typeof(T) == typeof(bool) ? l != 0 || d != 0
            : typeof(T) == typeof(byte) ? checked((byte)l)
            : throw new NotSupportedException($"Item<{typeof(T).Name}> is not supported");
        return (T)r;
    }

    public double ToDouble() => Item<double>();
    public float ToSingle() => Item<float>();
    public long ToInt64() => Item<long>();
    public bool ToBoolean() => Item<bool>();

    // ---- conversions ----
    public Tensor To(ScalarType dtype) => R(gd_to_dtype(Handle, (int)dtype));
    public Tensor To(Device device) => R(gd_to_device(Handle, (int)device.Type, device.Index));
    public Tensor To(Device device, ScalarType dtype) => R(gd_to(Handle, (int)device.Type, device.Index, (int)dtype));
    public Tensor Cpu() => To(Device.CPU);
    public Tensor Cuda(int index = 0) => To(Device.CUDA(index));
    public Tensor Float() => To(ScalarType.Float32);
    public Tensor Double() => To(ScalarType.Float64);
    public Tensor Long() => To(ScalarType.Int64);
    public Tensor Bool() => To(ScalarType.Bool);
    public Tensor Contiguous() => R(gd_contiguous(Handle));
    public Tensor Clone() => R(gd_clone(Handle));
    /// <summary>A tensor sharing storage but cut from the autograd graph (stop-gradient).</summary>
    public Tensor Detach() => R(gd_detach(Handle));
    public Tensor Detach_() => S(gd_detach_(Handle));
    /// <summary>Copies <paramref name="source"/> into this tensor in place (broadcasting, converting).</summary>
    public Tensor Copy_(Tensor source) => S(gd_copy_(Handle, source.Handle), source);
}
