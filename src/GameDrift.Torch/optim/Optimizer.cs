using System.Globalization;

namespace GameDrift.Torch.optim;

/// <summary>Base of the optimisers (torch.optim.Optimizer): parameter groups with their own hyper-parameters,
/// per-parameter state, and updates either from each parameter's <c>.Grad</c> (<see cref="Step()"/>) or from
/// gradients the caller computed (<see cref="Step(IReadOnlyList{Tensor?})"/>). Updates run in place without
/// recording gradients, so the parameter objects (and modules holding them) stay the same.</summary>
public abstract class Optimizer : IDisposable
{
    private readonly List<ParamGroup> groups = new();
    private readonly List<Tensor> parameters = new();
    private readonly List<ParamState?> states = new();
    private readonly HashSet<Tensor> known = new(ReferenceEqualityComparer.Instance);
    private bool disposed;

    public IReadOnlyList<ParamGroup> ParamGroups => groups;

    /// <summary>All parameters, group by group: the order <see cref="Step(IReadOnlyList{Tensor?})"/> expects.</summary>
    public IReadOnlyList<Tensor> Parameters => parameters;

    /// <summary>The learning rate of every group. Reading it throws if the groups differ; setting it sets all.</summary>
    public double LearningRate
    {
        get
        {
            var lr = groups[0].LearningRate;
            if (groups.Any(g => g.LearningRate != lr))
                throw new InvalidOperationException("the parameter groups have different learning rates; read ParamGroups[i].LearningRate");
            return lr;
        }
        set
        {
            foreach (var g in groups) g.LearningRate = value;
        }
    }

    /// <summary>Adds a group with these (already configured) options.</summary>
    protected ParamGroup AddGroup(IEnumerable<Tensor> parameters, OptimizerOptions options)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var list = parameters.ToList();
        if (list.Count == 0) throw new ArgumentException("an optimizer parameter group needs at least one parameter", nameof(parameters));
        options.Validate();
        var fresh = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        foreach (var p in list)
        {
            if (!p.IsLeaf) throw new ArgumentException("can't optimize a non-leaf tensor", nameof(parameters));
            if (known.Contains(p) || !fresh.Add(p)) throw new ArgumentException("a parameter appears more than once among the optimizer's parameters", nameof(parameters));
        }
        known.UnionWith(list);
        var g = new ParamGroup(list, options, this.parameters.Count);
        groups.Add(g);
        this.parameters.AddRange(list);
        states.AddRange(Enumerable.Repeat<ParamState?>(null, list.Count));
        return g;
    }

    /// <summary>The state of parameter <paramref name="index"/> (in <see cref="Parameters"/> order), or null before its first update.</summary>
    public ParamState? State(int index) => states[index];

    /// <summary>Drops every parameter's gradient (sets it to null, like PyTorch's set_to_none=True).</summary>
    public void ZeroGrad()
    {
        foreach (var p in parameters) p.Grad = null;
    }

    /// <summary>One update from the parameters' accumulated <c>.Grad</c>; parameters without a gradient are skipped.</summary>
    public void Step()
    {
        using var scope = torch.NewDisposeScope();
        Step(parameters.Select(p => p.Grad).ToArray());
    }

    /// <summary>One update from the given gradients, one per parameter in <see cref="Parameters"/> order;
    /// a null entry leaves that parameter (and its state) untouched.</summary>
    public void Step(IReadOnlyList<Tensor?> grads)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (grads.Count != parameters.Count)
            throw new ArgumentException($"expected {parameters.Count} gradients (one per parameter, null to skip), got {grads.Count}", nameof(grads));
        for (var i = 0; i < grads.Count; i++)
            if (grads[i] is { } g && !g.Shape.SequenceEqual(parameters[i].Shape))
                throw new ArgumentException($"gradient {i} has shape [{string.Join(", ", g.Shape)}] but its parameter has shape [{string.Join(", ", parameters[i].Shape)}]", nameof(grads));
        // Temporaries of the update formulas die with this scope; state tensors are detached from it.
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.NoGrad();
        foreach (var group in groups)
            for (var k = 0; k < group.Parameters.Count; k++)
            {
                var i = group.FirstIndex + k;
                if (grads[i] is not { } grad) continue;
                var state = states[i] ??= new ParamState();
                state.Step++;
                Update(group, group.Parameters[k], grad, state);
            }
    }

    /// <summary>Applies one update to <paramref name="parameter"/> in place. Runs without grad inside a dispose
    /// scope: temporaries need no care, and tensors kept in <paramref name="state"/> are detached from it.
    /// <see cref="ParamState.Step"/> already counts this update.</summary>
    protected abstract void Update(ParamGroup group, Tensor parameter, Tensor grad, ParamState state);

    // ---- state dicts ----

    /// <summary>A snapshot of the optimiser as name → tensor: <c>param_groups.{g}.params</c> (int64 parameter
    /// indices), <c>param_groups.{g}.{hyper-parameter}</c> (float64 scalars), <c>state.{i}.step</c> (int64 scalar)
    /// and <c>state.{i}.{name}</c> (copies of the state tensors). The caller owns the tensors.</summary>
    public OrderedDictionary<string, Tensor> StateDict()
    {
        var d = new OrderedDictionary<string, Tensor>();
        using var noGrad = torch.NoGrad();
        for (var g = 0; g < groups.Count; g++)
        {
            var ids = Enumerable.Range(groups[g].FirstIndex, groups[g].Parameters.Count).Select(i => (long)i).ToArray();
            d[$"param_groups.{g}.params"] = torch.Tensor(ids);
            foreach (var (name, value) in groups[g].Options.Values)
                d[$"param_groups.{g}.{name}"] = torch.Scalar(value, ScalarType.Float64);
        }
        for (var i = 0; i < states.Count; i++)
        {
            if (states[i] is not { } s) continue;
            d[$"state.{i}.step"] = torch.Scalar(s.Step, ScalarType.Int64);
            foreach (var (name, t) in s.Tensors) d[$"state.{i}.{name}"] = t.Clone();
        }
        return d;
    }

    /// <summary>Restores a <see cref="StateDict"/> bit-exactly (state is cast to each parameter's dtype and device).
    /// The groups must have the same sizes; every key is checked before anything changes.</summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> stateDict)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var used = new HashSet<string>();
        var errors = new List<string>();
        var hyper = new List<(OptimizerOptions Options, string Name, double Value)>();
        for (var g = 0; g < groups.Count; g++)
        {
            var key = $"param_groups.{g}.params";
            if (!stateDict.TryGetValue(key, out var ids)) { errors.Add($"missing key \"{key}\""); continue; }
            used.Add(key);
            if (ids.NumberOfElements != groups[g].Parameters.Count)
                errors.Add($"\"{key}\" lists {ids.NumberOfElements} parameters but group {g} has {groups[g].Parameters.Count}");
            foreach (var name in groups[g].Options.Values.Keys)
            {
                var hk = $"param_groups.{g}.{name}";
                if (stateDict.TryGetValue(hk, out var v)) { used.Add(hk); hyper.Add((groups[g].Options, name, v.ToDouble())); }
                else errors.Add($"missing key \"{hk}\"");
            }
        }
        var loaded = new SortedDictionary<int, List<(string Name, Tensor Value)>>();
        foreach (var (key, t) in stateDict)
        {
            if (used.Contains(key)) continue;
            var parts = key.Split('.', 3);
            if (parts.Length != 3 || parts[0] != "state" || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var i) || i >= parameters.Count)
            {
                errors.Add($"unexpected key \"{key}\"");
                continue;
            }
            if (parts[2] != "step" && !t.Shape.SequenceEqual(parameters[i].Shape))
                errors.Add($"size mismatch for \"{key}\": shape [{string.Join(", ", t.Shape)}], parameter {i} has [{string.Join(", ", parameters[i].Shape)}]");
            if (!loaded.TryGetValue(i, out var list)) loaded[i] = list = new();
            list.Add((parts[2], t));
        }
        foreach (var (i, list) in loaded)
            if (!list.Any(e => e.Name == "step")) errors.Add($"missing key \"state.{i}.step\"");
        if (errors.Count > 0)
            throw new ArgumentException("cannot load optimizer state dict:\n  " + string.Join("\n  ", errors), nameof(stateDict));

        // Validate the hyper-parameters on copies first, so a bad value leaves everything unchanged.
        foreach (var g in groups)
        {
            var trial = g.Options.Clone();
            foreach (var (_, name, value) in hyper.Where(h => ReferenceEquals(h.Options, g.Options))) trial.Import(name, value);
            trial.Validate();
        }
        foreach (var (options, name, value) in hyper) options.Import(name, value);
        ClearState();
        using var noGrad = torch.NoGrad();
        foreach (var (i, list) in loaded)
        {
            var s = states[i] = new ParamState();
            foreach (var (name, t) in list)
            {
                if (name == "step") s.Step = checked((long)Math.Round(t.ToDouble()));
                else s.Set(name, torch.ZerosLike(parameters[i]).Copy_(t));
            }
        }
    }

    private void ClearState()
    {
        for (var i = 0; i < states.Count; i++)
        {
            states[i]?.Clear();
            states[i] = null;
        }
    }

    /// <summary>Frees the state tensors (the parameters belong to their modules).</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        ClearState();
        GC.SuppressFinalize(this);
    }
}
