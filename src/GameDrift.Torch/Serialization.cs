using System.Runtime.InteropServices;
using static GameDrift.Torch.Native.NativeMethods;

namespace GameDrift.Torch;

public static partial class torch
{
    /// <summary>Writes a {name: tensor} dictionary in PyTorch's format (Python's <c>torch.load</c> reads it).
    /// The file is written to a temporary name and renamed, so an interrupted save never leaves a broken file.</summary>
    public static unsafe void Save(IReadOnlyDictionary<string, Tensor> tensors, string path)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var tmp = full + ".tmp";
        var names = tensors.Keys.Select(k => Marshal.StringToCoTaskMemUTF8(k)).ToArray();
        try
        {
            var hs = tensors.Values.Select(t => t.Handle).ToArray();
            fixed (IntPtr* pn = names) fixed (IntPtr* pt = hs)
                TorchException.Check(gd_save_dict(pn, pt, hs.Length, tmp));
            GC.KeepAlive(tensors);
        }
        catch
        {
            // A failed write (e.g. a full disk) leaves the previous file as it was and no partial one beside it.
            try { File.Delete(tmp); } catch (IOException) { }
            throw;
        }
        finally
        {
            foreach (var n in names) Marshal.FreeCoTaskMem(n);
        }
        File.Move(tmp, full, overwrite: true);
    }

    /// <summary>Reads a {name: tensor} dictionary written by <see cref="Save"/> or by Python's torch.save.</summary>
    public static Dictionary<string, Tensor> Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"tensor file not found: {path}", path);
        var d = gd_load_dict(path);
        if (d == IntPtr.Zero)
        {
            var e = TorchException.FromNative();
            // libtorch 1.13's C++ unpickler reads collections.OrderedDict as None, so Python's state_dict() fails obscurely.
            if (e.Message.Contains("Expected GenericDict but got None", StringComparison.Ordinal))
                throw new TorchException($"{path} holds a collections.OrderedDict (as Python's module.state_dict() does), which libtorch 1.13 " +
                    $"cannot read; in Python, save dict(state_dict) instead. libtorch said: {e.Message}");
            throw e;
        }
        try
        {
            var n = gd_dict_size(d);
            var r = new Dictionary<string, Tensor>(n);
            for (var i = 0; i < n; i++)
                r[Marshal.PtrToStringUTF8(gd_dict_key(d, i))!] = new Tensor(gd_dict_tensor(d, i));
            return r;
        }
        finally
        {
            gd_dict_free(d);
        }
    }

    public static class jit
    {
        /// <summary>Loads a TorchScript module saved by Python (<c>torch.jit.save</c>).</summary>
        public static ScriptModule Load(string path, Device? device = null)
        {
            if (!File.Exists(path)) throw new FileNotFoundException($"TorchScript file not found: {path}", path);
            var d = device ?? Device.CPU;
            return new ScriptModule(TorchException.Check(gd_jit_load(path, (int)d.Type, d.Index)));
        }
    }
}

/// <summary>A TorchScript module loaded from a file.</summary>
public sealed class ScriptModule : IDisposable
{
    private IntPtr handle;
    internal ScriptModule(IntPtr h) => handle = h;
    private IntPtr Handle => handle != IntPtr.Zero ? handle : throw new ObjectDisposedException(nameof(ScriptModule));

    /// <summary>Calls a method (default <c>forward</c>) with tensor arguments; returns the tensors of its
    /// result in order (a tuple, list or dict is flattened).</summary>
    public unsafe Tensor[] Invoke(string method, params Tensor[] args)
    {
        var a = args.Select(t => t.Handle).ToArray();
        var o = new IntPtr[64];
        int n;
        fixed (IntPtr* pa = a) fixed (IntPtr* po = o) n = TorchException.Check(gd_jit_call(Handle, method, pa, a.Length, po, o.Length));
        GC.KeepAlive(args);
        GC.KeepAlive(this);
        if (n > o.Length) throw new NotSupportedException($"TorchScript method returned {n} tensors; at most {o.Length} are supported");
        return o.Take(n).Select(h => new Tensor(h)).ToArray();
    }

    public Tensor[] Forward(params Tensor[] args) => Invoke("forward", args);

    /// <summary>Calls <c>forward</c> with keyword arguments, e.g. <c>Forward(img, new() { ["return_features"] = true })</c>.</summary>
    public Tensor[] Forward(Tensor input, IReadOnlyDictionary<string, object?> kwargs) => Invoke("forward", [input], kwargs);

    /// <summary>Calls a method with positional and keyword arguments of the kinds TorchScript signatures use:
    /// <see cref="Tensor"/>, <c>bool</c>, integers (<c>int</c>), floating point (<c>float</c>) and <c>null</c> (None).
    /// TorchScript checks them against the method's signature and names the offending argument.</summary>
    public unsafe Tensor[] Invoke(string method, IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?>? kwargs = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var all = args.Select(a => ((string?)null, a)).Concat((kwargs ?? new Dictionary<string, object?>()).Select(kv => ((string?)kv.Key, kv.Value))).ToArray();
        int n = all.Length;
        var kinds = new int[n];
        var tensors = new IntPtr[n];
        var ints = new long[n];
        var floats = new double[n];
        var names = new IntPtr[n];
        try
        {
            for (int i = 0; i < n; i++)
            {
                var (name, value) = all[i];
                if (name is not null) names[i] = Marshal.StringToCoTaskMemUTF8(name);
                switch (value)
                {
                    case Tensor t: kinds[i] = 0; tensors[i] = t.Handle; break;
                    case bool b: kinds[i] = 1; ints[i] = b ? 1 : 0; break;
                    case int or long or short or sbyte or byte or ushort or uint:
                        kinds[i] = 2; ints[i] = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture); break;
                    case double or float: kinds[i] = 3; floats[i] = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture); break;
                    case null: kinds[i] = 4; break;
                    default:
                        throw new ArgumentException($"TorchScript argument {(name ?? "#" + i)} has type {value.GetType().Name}; " +
                            "supported are Tensor, bool, integers, floating point and null");
                }
            }
            var o = new IntPtr[64];
            int count;
            fixed (int* pk = kinds) fixed (IntPtr* pt = tensors) fixed (long* pi = ints) fixed (double* pf = floats)
            fixed (IntPtr* pn = names) fixed (IntPtr* po = o)
                count = TorchException.Check(gd_jit_call_values(Handle, method, pk, pt, pi, pf, pn, n, po, o.Length));
            GC.KeepAlive(args);
            GC.KeepAlive(kwargs);
            GC.KeepAlive(this);
            if (count > o.Length) throw new NotSupportedException($"TorchScript method returned {count} tensors; at most {o.Length} are supported");
            return o.Take(count).Select(h => new Tensor(h)).ToArray();
        }
        finally
        {
            foreach (var p in names) if (p != IntPtr.Zero) Marshal.FreeCoTaskMem(p);
        }
    }
    public ScriptModule Train(bool on = true) { TorchException.Check(gd_jit_train(Handle, on ? 1 : 0)); return this; }
    public ScriptModule Eval() => Train(false);
    public ScriptModule To(Device device) { TorchException.Check(gd_jit_to(Handle, (int)device.Type, device.Index)); return this; }

    public void Dispose()
    {
        var h = Interlocked.Exchange(ref handle, IntPtr.Zero);
        if (h != IntPtr.Zero) gd_jit_free(h);
        GC.SuppressFinalize(this);
    }

    ~ScriptModule() => Dispose();
}
