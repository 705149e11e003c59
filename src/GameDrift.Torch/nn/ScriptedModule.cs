using System.Runtime.InteropServices;
using static GameDrift.Torch.Native.NativeMethods;

namespace GameDrift.Torch.nn;

/// <summary>
/// A network written in PyTorch and saved as TorchScript (<c>torch.jit.script(m).save(path)</c>, or
/// <c>torch.jit.trace</c>), trained like any <see cref="Module"/>. Its parameters and buffers are the TorchScript
/// module's own tensors, registered under the dotted names Python's <c>named_parameters()</c> gives: an optimiser's
/// in-place update is what the next <see cref="Forward"/> sees, and <see cref="Module.StateDict"/> /
/// <see cref="Module.LoadStateDict"/> (checkpoints) work as for a C# network. <see cref="Forward"/> records every op on
/// the autograd tape, so gradients of gradients (R1, the drift regularisers) flow through it when its ops have them.
/// <see cref="Save"/> writes TorchScript back, with the current parameters, for Python's <c>torch.jit.load</c>.
/// Like every module it starts in training mode (whatever mode the file was saved in).
/// </summary>
public sealed class ScriptedModule : Module
{
    private readonly ScriptHandle script;
    private bool? scriptTraining; // the mode last set on the TorchScript side
    // The script's parameters and buffers: dotted names (UTF-8, native) and the C# tensor objects standing for them.
    private readonly List<(IntPtr Name, Tensor Tensor)> members = [];

    /// <summary>Loads a TorchScript file onto <paramref name="device"/> (default CPU).</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="TorchException">The file is not TorchScript (e.g. a <c>torch.save</c>d state dict) or is damaged.</exception>
    public ScriptedModule(string path, Device? device = null)
    {
        FilePath = System.IO.Path.GetFullPath(path);
        if (!File.Exists(FilePath)) throw new FileNotFoundException($"TorchScript file not found: {FilePath}", FilePath);
        var d = device ?? Device.CPU;
        var h = gd_jit_load(FilePath, (int)d.Type, d.Index);
        if (h == IntPtr.Zero)
            throw new TorchException($"{FilePath} is not a TorchScript file (in PyTorch, torch.jit.script(module).save(path) writes one): " +
                FirstLine(TorchException.FromNative().Message));
        script = new ScriptHandle(h);
        try
        {
            foreach (var (name, t) in Named(0)) Member(name, Owner(name, out var local).RegisterParameter(local, t));
            foreach (var (name, t) in Named(1)) Member(name, Owner(name, out var local).RegisterBuffer(local, t));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The file the module was loaded from (absolute).</summary>
    public string FilePath { get; }

    /// <summary>Runs the script's <c>forward</c> on one tensor; it must return one tensor.</summary>
    public override unsafe Tensor Forward(Tensor input)
    {
        Sync();
        var a = new[] { input.Handle };
        var o = new IntPtr[8];
        int n;
        fixed (IntPtr* pa = a) fixed (IntPtr* po = o) n = gd_jit_call_exact(Handle, "forward", pa, 1, po, o.Length);
        GC.KeepAlive(input);
        GC.KeepAlive(this);
        if (n < 0) throw Failed(TorchException.FromNative());
        var outs = o.Take(Math.Min(n, o.Length)).Select(h => new Tensor(h)).ToArray();
        if (n == 1) return outs[0];
        foreach (var t in outs) t.Dispose();
        throw new InvalidOperationException($"{FilePath}: forward returned {n} tensors; a network here must return one tensor");
    }

    /// <summary>Writes the module as TorchScript (as <c>ScriptModule.save</c> in PyTorch) with its current parameters,
    /// buffers and mode; Python's <c>torch.jit.load</c> reads it. The file is written under a temporary name and renamed.</summary>
    public override void Save(string path)
    {
        Sync();
        var full = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var tmp = full + ".tmp";
        if (gd_jit_save(Handle, tmp) < 0)
        {
            var e = TorchException.FromNative();
            try { File.Delete(tmp); } catch (IOException) { }
            throw new TorchException($"cannot write TorchScript to {full}: {e.Message}");
        }
        GC.KeepAlive(this);
        File.Move(tmp, full, overwrite: true);
    }

    protected override string ExtraRepr() => $"file={System.IO.Path.GetFileName(FilePath)}";

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        script?.Dispose();
        foreach (var (name, _) in members) Marshal.FreeCoTaskMem(name);
        members.Clear();
    }

    private IntPtr Handle => script.IsClosed ? throw new ObjectDisposedException(nameof(ScriptedModule)) : script.DangerousGetHandle();

    // Before each call the script follows the C# side. Its mode: Module.Train/Eval set IsTraining (also when a parent
    // module's mode changes), and BatchNorm or Dropout inside the script must see it. Its tensors: Module.To and
    // ParameterShift (param.data = ...) give a C# parameter another tensor, which the script must then use.
    private unsafe void Sync()
    {
        if (scriptTraining != IsTraining)
        {
            TorchException.Check(gd_jit_train(Handle, IsTraining ? 1 : 0));
            scriptTraining = IsTraining;
        }
        var names = members.Select(m => m.Name).ToArray();
        var ts = members.Select(m => m.Tensor.Handle).ToArray();
        fixed (IntPtr* pn = names) fixed (IntPtr* pt = ts) TorchException.Check(gd_jit_bind(Handle, pn, pt, ts.Length));
        GC.KeepAlive(this);
    }

    private void Member(string name, Tensor t) => members.Add((Marshal.StringToCoTaskMemUTF8(name), t));

    // what: 0 parameters, 1 buffers, as (dotted name, tensor sharing the module's storage).
    private List<(string, Tensor)> Named(int what)
    {
        var d = TorchException.Check(gd_jit_named(Handle, what));
        try
        {
            var n = gd_dict_size(d);
            var r = new List<(string, Tensor)>(n);
            for (var i = 0; i < n; i++) r.Add((Marshal.PtrToStringUTF8(gd_dict_key(d, i))!, new Tensor(gd_dict_tensor(d, i))));
            return r;
        }
        finally { gd_dict_free(d); }
    }

    // The (mirror) submodule that owns dotted name `a.b.c`, created on first use, and the member's own name `c`.
    private Module Owner(string dotted, out string local)
    {
        var parts = dotted.Split('.');
        Module m = this;
        foreach (var part in parts[..^1])
            m = m.NamedChildren().FirstOrDefault(c => c.Name == part).Module ?? m.RegisterModule(part, new ScriptedSubmodule(FilePath));
        local = parts[^1];
        return m;
    }

    private TorchException Failed(Exception e) => new TorchException($"{System.IO.Path.GetFileName(FilePath)}: {FirstLine(e.Message)}\n{e.Message}");

    // TorchScript's errors start with "The following operation failed in the TorchScript interpreter." and a
    // traceback; the line that says what went wrong is the last one naming an error.
    private static string FirstLine(string message)
    {
        var lines = message.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        return lines.LastOrDefault(l => l.Contains("Error:", StringComparison.Ordinal)) ?? lines.FirstOrDefault() ?? message;
    }

    /// <summary>Owns the native torch::jit::Module; freed by Dispose, or by the finalizer as a backstop.</summary>
    private sealed class ScriptHandle : SafeHandle
    {
        public ScriptHandle(IntPtr h) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(h);
        public override bool IsInvalid => handle == IntPtr.Zero;
        protected override bool ReleaseHandle()
        {
            gd_jit_free(handle);
            return true;
        }
    }
}

/// <summary>A submodule of a <see cref="ScriptedModule"/>: holds its share of the parameters under their dotted
/// names; it runs only as part of the whole script.</summary>
public sealed class ScriptedSubmodule : Module
{
    private readonly string file;
    internal ScriptedSubmodule(string file) => this.file = file;

    public override Tensor Forward(Tensor input) =>
        throw new NotSupportedException($"a submodule of the TorchScript module {file} runs only inside it: call the ScriptedModule");
}
