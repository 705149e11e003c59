using static GameDrift.Torch.Native.NativeMethods;

namespace GameDrift.Torch;

/// <summary>torch.autograd: gradients of outputs with respect to inputs, exact to any order.</summary>
public static class Autograd
{
    /// <summary>Computes d(sum_i gradOutputs_i · outputs_i)/d(inputs) without touching <c>.Grad</c>.
    /// With <paramref name="createGraph"/> the result is itself differentiable (double backpropagation:
    /// gradients of gradient norms and of gradient dot products). Entries are null for inputs the outputs
    /// do not depend on when <paramref name="allowUnused"/> is set.</summary>
    public static unsafe Tensor?[] Grad(IReadOnlyList<Tensor> outputs, IReadOnlyList<Tensor> inputs,
        IReadOnlyList<Tensor?>? gradOutputs = null, bool? retainGraph = null, bool createGraph = false, bool allowUnused = false)
    {
        if (gradOutputs != null && gradOutputs.Count != outputs.Count)
            throw new ArgumentException($"gradOutputs has {gradOutputs.Count} entries but there are {outputs.Count} outputs");
        var o = outputs.Select(t => t.Handle).ToArray();
        var g = gradOutputs?.Select(Tensor.H).ToArray() ?? new IntPtr[o.Length];
        var i = inputs.Select(t => t.Handle).ToArray();
        var r = new IntPtr[i.Length];
        fixed (IntPtr* po = o) fixed (IntPtr* pg = g) fixed (IntPtr* pi = i) fixed (IntPtr* pr = r)
            TorchException.Check(gd_grad(po, o.Length, pg, pi, i.Length,
                retainGraph is null ? -1 : retainGraph.Value ? 1 : 0, createGraph ? 1 : 0, allowUnused ? 1 : 0, pr));
        GC.KeepAlive(outputs); GC.KeepAlive(inputs); GC.KeepAlive(gradOutputs);
        return r.Select(h => h == IntPtr.Zero ? null : new Tensor(h)).ToArray();
    }

    /// <summary>Single-output convenience: the gradients of a scalar <paramref name="output"/>.</summary>
    public static Tensor?[] Grad(Tensor output, IReadOnlyList<Tensor> inputs, bool? retainGraph = null,
        bool createGraph = false, bool allowUnused = false) =>
        Grad(new[] { output }, inputs, null, retainGraph, createGraph, allowUnused);

    /// <summary>Accumulates gradients of several outputs into the leaves' <c>.Grad</c>.</summary>
    public static unsafe void Backward(IReadOnlyList<Tensor> tensors, IReadOnlyList<Tensor?>? grads = null,
        bool? retainGraph = null, bool createGraph = false)
    {
        var t = tensors.Select(x => x.Handle).ToArray();
        var g = grads?.Select(Tensor.H).ToArray() ?? new IntPtr[t.Length];
        fixed (IntPtr* pt = t) fixed (IntPtr* pg = g)
            TorchException.Check(gd_backward(pt, pg, t.Length, retainGraph is null ? -1 : retainGraph.Value ? 1 : 0, createGraph ? 1 : 0));
        GC.KeepAlive(tensors); GC.KeepAlive(grads);
    }

    public static bool IsGradEnabled => gd_grad_enabled() == 1;
}

/// <summary>Sets grad mode for the current thread until disposed (torch.no_grad / torch.enable_grad).</summary>
public sealed class GradModeGuard : IDisposable
{
    private readonly bool previous;
    private bool disposed;

    internal GradModeGuard(bool enabled)
    {
        previous = gd_grad_enabled() == 1;
        gd_set_grad_enabled(enabled ? 1 : 0);
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        gd_set_grad_enabled(previous ? 1 : 0);
    }
}
