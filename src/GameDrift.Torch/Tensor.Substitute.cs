namespace GameDrift.Torch;

public sealed partial class Tensor
{
    /// <summary>A functional call's parameter swap (PyTorch's <c>torch.func.functional_call</c>): until the returned scope
    /// ends, every tensor of <paramref name="tensors"/> reads as the matching tensor of <paramref name="values"/>, so a
    /// module or closure that reads its parameters computes at the values, and autograd records the values (gradients and
    /// graphs are the values', the tensors are left alone). The swap is of the native handles: no data are copied. The
    /// tensors must not be disposed, and the values must stay alive, while the scope lasts.</summary>
    public static IDisposable Substitute(IReadOnlyList<Tensor> tensors, IReadOnlyList<Tensor> values)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentNullException.ThrowIfNull(values);
        if (tensors.Count != values.Count)
            throw new ArgumentException($"{tensors.Count} tensors cannot be substituted by {values.Count} values");
        var own = new IntPtr[tensors.Count];
        var given = new IntPtr[values.Count];
        for (var i = 0; i < own.Length; i++)
        {
            var (t, v) = (tensors[i].Shape, values[i].Shape);
            if (!t.AsSpan().SequenceEqual(v))
                throw new ArgumentException($"tensor {i} has shape [{string.Join(", ", t)}] but its substitute has shape [{string.Join(", ", v)}]");
            // Every handle is read before any is swapped: a value may itself be one of the tensors.
            (own[i], given[i]) = (tensors[i].Handle, values[i].Handle);
        }
        for (var i = 0; i < own.Length; i++) tensors[i].handle = given[i];
        return new Substitution(tensors.ToArray(), own, values.ToArray());
    }

    private sealed class Substitution(Tensor[] tensors, IntPtr[] own, Tensor[] values) : IDisposable
    {
        private bool done;

        public void Dispose()
        {
            if (done) return;
            done = true;
            for (var i = 0; i < tensors.Length; i++) tensors[i].handle = own[i];
            GC.KeepAlive(values);
        }
    }
}
