using System.Globalization;
using System.Text;

namespace GameDrift.Torch.nn;

/// <summary>Base class of layers and models (torch.nn.Module). Parameters, buffers and submodules are
/// registered explicitly by name; names of nested members are dotted as in PyTorch (<c>net.1.bias</c>).
/// Parameters and buffers are taken out of dispose scopes, so a training step's scope never frees them;
/// <see cref="Dispose()"/> frees them together with the submodules.</summary>
public abstract class Module : IDisposable
{
    private readonly OrderedDictionary<string, Tensor> parameters = new();
    private readonly OrderedDictionary<string, Tensor> buffers = new();
    private readonly OrderedDictionary<string, Module> modules = new();
    private bool disposed;

    /// <summary>The computation of this module.</summary>
    public abstract Tensor Forward(Tensor input);

    /// <summary>True in training mode (the default), false after <see cref="Eval"/>.</summary>
    public bool IsTraining { get; private set; } = true;

    // ---- registration ----

    /// <summary>Registers a leaf tensor as a trainable parameter and returns it. The module owns it from now on.</summary>
    public Tensor RegisterParameter(string name, Tensor parameter, bool requiresGrad = true)
    {
        CheckNewName(name);
        if (!parameter.IsLeaf)
            throw new ArgumentException($"parameter '{name}' must be a leaf tensor; call Detach() on a computed value first", nameof(parameter));
        if (!parameter.DType.IsFloatingPoint())
            throw new ArgumentException($"parameter '{name}' must have a floating-point type, not {parameter.DType.TorchName()}", nameof(parameter));
        parameter.DetachFromDisposeScope();
        parameter.RequiresGrad = requiresGrad;
        parameters.Add(name, parameter);
        return parameter;
    }

    /// <summary>Registers a tensor that is state but not trained (running statistics, power-iteration vectors).</summary>
    public Tensor RegisterBuffer(string name, Tensor buffer)
    {
        CheckNewName(name);
        buffer.DetachFromDisposeScope();
        buffers.Add(name, buffer);
        return buffer;
    }

    /// <summary>Registers a submodule and returns it. The module owns it from now on.</summary>
    public T RegisterModule<T>(string name, T module) where T : Module
    {
        CheckNewName(name);
        if (ReferenceEquals(module, this)) throw new ArgumentException("a module cannot contain itself", nameof(module));
        modules.Add(name, module);
        return module;
    }

    /// <summary>Unregisters a parameter and returns it (not disposed: the caller owns it now).</summary>
    public Tensor RemoveParameter(string name) =>
        parameters.Remove(name, out var t) ? t : throw new KeyNotFoundException($"{GetType().Name} has no parameter '{name}'");

    /// <summary>Unregisters a buffer and returns it (not disposed: the caller owns it now).</summary>
    public Tensor RemoveBuffer(string name) =>
        buffers.Remove(name, out var t) ? t : throw new KeyNotFoundException($"{GetType().Name} has no buffer '{name}'");

    private void CheckNewName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('.'))
            throw new ArgumentException($"invalid member name '{name}': names must be non-empty and contain no '.'", nameof(name));
        if (parameters.ContainsKey(name) || buffers.ContainsKey(name) || modules.ContainsKey(name))
            throw new ArgumentException($"{GetType().Name} already has a member named '{name}'", nameof(name));
    }

    // ---- lookup ----

    /// <summary>The parameter with this (possibly dotted) name, e.g. <c>net.0.weight</c>.</summary>
    public Tensor GetParameter(string name) => Resolve(name, out var owner, out var local).parameters.TryGetValue(local, out var t)
        ? t : throw new KeyNotFoundException($"no parameter '{name}' in {owner}");

    /// <summary>The buffer with this (possibly dotted) name, e.g. <c>1.running_mean</c>.</summary>
    public Tensor GetBuffer(string name) => Resolve(name, out var owner, out var local).buffers.TryGetValue(local, out var t)
        ? t : throw new KeyNotFoundException($"no buffer '{name}' in {owner}");

    /// <summary>The submodule with this (possibly dotted) name.</summary>
    public Module GetModule(string name) => Resolve(name, out var owner, out var local).modules.TryGetValue(local, out var m)
        ? m : throw new KeyNotFoundException($"no submodule '{name}' in {owner}");

    private Module Resolve(string dotted, out string owner, out string local)
    {
        var parts = dotted.Split('.');
        var m = this;
        for (var i = 0; i < parts.Length - 1; i++)
            if (!m.modules.TryGetValue(parts[i], out m!))
                throw new KeyNotFoundException($"no submodule '{string.Join('.', parts[..(i + 1)])}' in {GetType().Name}");
        owner = m.GetType().Name;
        local = parts[^1];
        return m;
    }

    // ---- enumeration (pre-order, shared members listed once) ----

    /// <summary>Direct submodules with their names.</summary>
    public IEnumerable<(string Name, Module Module)> NamedChildren()
    {
        foreach (var (n, m) in modules) yield return (n, m);
    }

    public IEnumerable<Module> Children() => NamedChildren().Select(c => c.Module);

    /// <summary>This module ("") and every descendant, with dotted names.</summary>
    public IEnumerable<(string Name, Module Module)> NamedModules() => NamedModules("", new HashSet<Module>(ReferenceEqualityComparer.Instance));

    private IEnumerable<(string, Module)> NamedModules(string prefix, HashSet<Module> seen)
    {
        if (!seen.Add(this)) yield break;
        yield return (prefix, this);
        foreach (var (n, m) in modules)
            foreach (var x in m.NamedModules(Join(prefix, n), seen))
                yield return x;
    }

    public IEnumerable<Module> Modules() => NamedModules().Select(m => m.Module);

    public IEnumerable<(string Name, Tensor Parameter)> NamedParameters(bool recurse = true) => NamedTensors(m => m.parameters, recurse);
    public IEnumerable<Tensor> Parameters(bool recurse = true) => NamedParameters(recurse).Select(p => p.Parameter);
    public IEnumerable<(string Name, Tensor Buffer)> NamedBuffers(bool recurse = true) => NamedTensors(m => m.buffers, recurse);
    public IEnumerable<Tensor> Buffers(bool recurse = true) => NamedBuffers(recurse).Select(b => b.Buffer);

    private IEnumerable<(string, Tensor)> NamedTensors(Func<Module, OrderedDictionary<string, Tensor>> members, bool recurse)
    {
        var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        var owners = recurse ? NamedModules() : new[] { ("", this) };
        foreach (var (prefix, m) in owners)
            foreach (var (n, t) in members(m))
                if (seen.Add(t)) yield return (Join(prefix, n), t);
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;

    /// <summary>Number of trainable scalars (shared parameters counted once).</summary>
    public long ParameterCount => Parameters().Sum(p => p.NumberOfElements);

    // ---- modes and housekeeping ----

    /// <summary>Sets training mode on this module and all descendants (affects BatchNorm, Dropout, SpectralNorm).</summary>
    public Module Train(bool on = true)
    {
        foreach (var m in Modules()) m.IsTraining = on;
        return this;
    }

    public Module Eval() => Train(false);

    /// <summary>Calls <paramref name="fn"/> on every submodule (children first) and then on this one, e.g. custom initialisation.</summary>
    public Module Apply(Action<Module> fn)
    {
        foreach (var m in modules.Values) m.Apply(fn);
        fn(this);
        return this;
    }

    /// <summary>Sets RequiresGrad on every parameter (freezing or unfreezing the module).</summary>
    public Module RequiresGrad_(bool on = true)
    {
        foreach (var p in Parameters()) p.RequiresGrad = on;
        return this;
    }

    /// <summary>Drops every parameter's gradient (sets it to null, like PyTorch's set_to_none).</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters()) p.Grad = null;
    }

    // ---- conversion ----

    /// <summary>Moves parameters and buffers to a device. The tensor objects stay the same (as PyTorch's
    /// parameters do), so optimisers and other holders of them follow.</summary>
    public Module To(Device device) => Convert(t => SameDevice(t.Device, device) ? null : t.To(device));

    /// <summary>Converts floating-point parameters and buffers to <paramref name="dtype"/> (integer buffers are
    /// left alone), keeping the tensor objects.</summary>
    public Module To(ScalarType dtype)
    {
        CheckFloat(dtype);
        return Convert(t => !t.DType.IsFloatingPoint() || t.DType == dtype ? null : t.To(dtype));
    }

    public Module To(Device device, ScalarType dtype)
    {
        CheckFloat(dtype);
        return Convert(t =>
        {
            var dt = t.DType.IsFloatingPoint() ? dtype : t.DType;
            return SameDevice(t.Device, device) && dt == t.DType ? null : t.To(device, dt);
        });
    }

    private static void CheckFloat(ScalarType dtype)
    {
        if (!dtype.IsFloatingPoint()) throw new ArgumentException($"modules can only be converted to floating-point types, not {dtype.TorchName()}", nameof(dtype));
    }

    private static bool SameDevice(Device a, Device b) =>
        a.Type == b.Type && (a.Type == DeviceType.CPU || a.Index == b.Index || b.Index < 0);

    // `convert` returns the converted tensor, or null when this one needs no change.
    private Module Convert(Func<Tensor, Tensor?> convert)
    {
        using var noGrad = torch.NoGrad();
        var all = Parameters().Concat(Buffers()).Distinct<Tensor>(ReferenceEqualityComparer.Instance).ToList();
        foreach (var t in all)
        {
            Tensor? moved;
            using (var data = t.Detach()) moved = convert(data);
            if (moved is null) continue;
            var requiresGrad = t.RequiresGrad;
            var grad = t.Grad;
            t.SetData(moved);
            moved.Dispose();
            if (requiresGrad) t.RequiresGrad = true;
            if (grad is null) continue;
            using (var g = grad.To(t.Device, t.DType)) t.Grad = g;
            grad.Dispose();
        }
        return this;
    }

    // ---- state ----

    // Parameters then buffers of each module, pre-order, without removing shared members (as PyTorch's state_dict).
    private IEnumerable<(string, Tensor)> StateTensors(string prefix = "")
    {
        foreach (var (n, t) in parameters) yield return (Join(prefix, n), t);
        foreach (var (n, t) in buffers) yield return (Join(prefix, n), t);
        foreach (var (n, m) in modules)
            foreach (var x in m.StateTensors(Join(prefix, n)))
                yield return x;
    }

    /// <summary>Copies of all parameters and buffers by dotted name. Unlike PyTorch's references these are
    /// independent snapshots; the caller owns them (a dispose scope frees them).</summary>
    public OrderedDictionary<string, Tensor> StateDict()
    {
        var d = new OrderedDictionary<string, Tensor>();
        using var noGrad = torch.NoGrad();
        foreach (var (n, t) in StateTensors()) d[n] = t.Clone();
        return d;
    }

    /// <summary>Copies values into the parameters and buffers in place (converting dtype and device). Every
    /// problem is checked before anything is copied; shapes must always match, and with <paramref name="strict"/>
    /// the keys must match exactly. Returns the keys that were missing or unexpected.</summary>
    public LoadStateDictResult LoadStateDict(IReadOnlyDictionary<string, Tensor> stateDict, bool strict = true)
    {
        var own = StateTensors().ToList();
        var ownNames = own.Select(x => x.Item1).ToHashSet();
        var missing = own.Select(x => x.Item1).Where(n => !stateDict.ContainsKey(n)).ToList();
        var unexpected = stateDict.Keys.Where(k => !ownNames.Contains(k)).ToList();
        var errors = new List<string>();
        if (strict && missing.Count > 0) errors.Add("missing key(s): " + string.Join(", ", missing.Select(k => $"\"{k}\"")));
        if (strict && unexpected.Count > 0) errors.Add("unexpected key(s): " + string.Join(", ", unexpected.Select(k => $"\"{k}\"")));
        foreach (var (n, t) in own)
        {
            if (!stateDict.TryGetValue(n, out var src)) continue;
            var (have, want) = (src.Shape, t.Shape);
            if (!have.SequenceEqual(want))
                errors.Add($"size mismatch for \"{n}\": the state dict has shape [{string.Join(", ", have)}], the module has [{string.Join(", ", want)}]");
        }
        if (errors.Count > 0)
            throw new ArgumentException($"cannot load state dict into {GetType().Name}:\n  " + string.Join("\n  ", errors), nameof(stateDict));
        using (torch.NoGrad())
            foreach (var (n, t) in own)
                if (stateDict.TryGetValue(n, out var src)) t.Copy_(src);
        return new LoadStateDictResult(missing, unexpected);
    }

    /// <summary>Writes <see cref="StateDict"/> to a file in PyTorch's format (a <see cref="ScriptedModule"/> writes TorchScript).</summary>
    public virtual void Save(string path)
    {
        var d = StateDict();
        try { torch.Save(d, path); }
        finally { foreach (var t in d.Values) t.Dispose(); }
    }

    /// <summary>Loads a file written by <see cref="Save"/> (or by Python's torch.save of a state_dict).</summary>
    public Module Load(string path, bool strict = true)
    {
        var d = torch.Load(path);
        try { LoadStateDict(d, strict); }
        finally { foreach (var t in d.Values) t.Dispose(); }
        return this;
    }

    // ---- display and disposal ----

    /// <summary>The constructor arguments shown by <see cref="ToString"/>, e.g. <c>in_features=4, out_features=8</c>.</summary>
    protected virtual string ExtraRepr() => "";

    /// <summary>A PyTorch-style description of the module tree.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(GetType().Name).Append('(').Append(ExtraRepr());
        if (modules.Count > 0)
        {
            sb.Append('\n');
            foreach (var (n, m) in modules)
                sb.Append("  (").Append(n).Append("): ").Append(m.ToString().Replace("\n", "\n  ")).Append('\n');
        }
        return sb.Append(')').ToString();
    }

    internal static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees parameters, buffers and submodules.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposed) return;
        disposed = true;
        if (!disposing) return;
        foreach (var m in modules.Values) m.Dispose();
        foreach (var t in parameters.Values) t.Dispose();
        foreach (var t in buffers.Values) t.Dispose();
    }
}
