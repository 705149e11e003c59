namespace GameDrift.Torch;

/// <summary>Collects every tensor created on this thread while it is the innermost scope and frees them
/// all when disposed, except those moved out (<see cref="Tensor.MoveToOuterDisposeScope"/>) or detached
/// from scopes (<see cref="Tensor.DetachFromDisposeScope"/>). Wrap a training step in one: <c>using var _ = torch.NewDisposeScope();</c></summary>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic] private static List<DisposeScope>? stack;
    private readonly HashSet<Tensor> owned = new(ReferenceEqualityComparer.Instance);
    private bool disposed;

    internal DisposeScope()
    {
        stack ??= new List<DisposeScope>();
        stack.Add(this);
    }

    internal static DisposeScope? Current => stack is { Count: > 0 } s ? s[^1] : null;

    internal DisposeScope? Outer
    {
        get
        {
            if (stack == null) return null;
            var i = stack.IndexOf(this);
            return i > 0 ? stack[i - 1] : null;
        }
    }

    /// <summary>Number of live tensors this scope will free.</summary>
    public int Count => owned.Count;

    internal void Add(Tensor t) => owned.Add(t);
    internal bool Remove(Tensor t) => owned.Remove(t);

    /// <summary>Keeps these tensors alive past this scope (they join the enclosing scope, if any).</summary>
    public Tensor MoveToOuter(Tensor tensor) => tensor.MoveToOuterDisposeScope();

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        stack?.Remove(this);
        foreach (var t in owned) t.DisposeFromScope();
        owned.Clear();
    }
}
