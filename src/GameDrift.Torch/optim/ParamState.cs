namespace GameDrift.Torch.optim;

/// <summary>An optimiser's state for one parameter: named tensors (exp_avg, momentum_buffer, …) and the
/// number of updates it has received. The state owns its tensors (they are kept out of dispose scopes).</summary>
public sealed class ParamState
{
    private readonly OrderedDictionary<string, Tensor> tensors = new();

    /// <summary>Updates applied so far (t in the Adam paper); the optimiser counts it before each update.</summary>
    public long Step { get; set; }

    public IReadOnlyDictionary<string, Tensor> Tensors => tensors;

    /// <summary>The state tensor with this name, or null.</summary>
    public Tensor? this[string name] => tensors.TryGetValue(name, out var t) ? t : null;

    /// <summary>Stores <paramref name="tensor"/> under <paramref name="name"/> (freeing any previous one) and returns it.</summary>
    public Tensor Set(string name, Tensor tensor)
    {
        if (tensors.TryGetValue(name, out var old) && !ReferenceEquals(old, tensor)) old.Dispose();
        tensors[name] = tensor.DetachFromDisposeScope();
        return tensor;
    }

    /// <summary>The named state, created as zeros shaped like <paramref name="like"/> on first use.</summary>
    public Tensor GetOrZeros(string name, Tensor like) => this[name] ?? Set(name, torch.ZerosLike(like));

    internal void Clear()
    {
        foreach (var t in tensors.Values) t.Dispose();
        tensors.Clear();
    }
}
