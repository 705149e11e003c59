using GameDrift.Torch;

namespace GameDrift.Games;

/// <summary>Jacobian-vector products by double backpropagation: with a dummy cotangent u,
/// w = J^T u is linear in u, and the gradient of w·v with respect to u is J v. Works on batched tensors
/// because batch entries never interact: the gradient of the sum over the batch is the per-entry gradient.</summary>
public static class Autodiff
{
    /// <summary>J v, where J is the Jacobian of <paramref name="outputs"/> with respect to <paramref name="inputs"/>
    /// (which must require grad) and v = <paramref name="tangents"/> (one per input). One result per output.
    /// With <paramref name="createGraph"/>, the result is differentiable in the inputs (and in the tangents).</summary>
    public static Tensor[] Jvp(IReadOnlyList<Tensor> outputs, IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor> tangents,
        bool createGraph = false)
    {
        if (inputs.Count != tangents.Count) throw new ArgumentException("one tangent per input is required");
        var dummies = outputs.Select(o => torch.ZerosLike(o).RequiresGrad_()).ToArray();
        var w = Autograd.Grad(outputs, inputs, dummies, retainGraph: true, createGraph: true, allowUnused: true);
        var used = Enumerable.Range(0, w.Length).Where(i => w[i] is not null).ToArray();
        Tensor[] result;
        if (used.Length == 0)
        {
            result = outputs.Select(torch.ZerosLike).ToArray();
        }
        else
        {
            var jv = Autograd.Grad(used.Select(i => w[i]!).ToArray(), dummies, used.Select(i => tangents[i]).ToArray(),
                retainGraph: true, createGraph: createGraph, allowUnused: true);
            result = jv.Select((t, k) => t ?? torch.ZerosLike(outputs[k])).ToArray();
        }
        foreach (var t in w) t?.Dispose();
        foreach (var d in dummies) d.Dispose();
        return result;
    }

    /// <summary>Single-output, single-input convenience for <see cref="Jvp(IReadOnlyList{Tensor}, IReadOnlyList{Tensor}, IReadOnlyList{Tensor}, bool)"/>.</summary>
    public static Tensor Jvp(Tensor output, Tensor input, Tensor tangent, bool createGraph = false) =>
        Jvp(new[] { output }, new[] { input }, new[] { tangent }, createGraph)[0];

    /// <summary>Leaf copies of <paramref name="values"/> that require grad, so a function of them can be differentiated.</summary>
    public static Tensor Leaf(Tensor values) => values.Detach().RequiresGrad_();

    /// <summary>A point at which to take partial derivatives: on the graph (<paramref name="onGraph"/>), a fresh view node
    /// of <paramref name="x"/>, so only paths through it count (inside an alternating update theta is also upstream of
    /// phi's new value) while results stay differentiable in what x came from; off it, a leaf copy.</summary>
    public static Tensor At(Tensor x, bool onGraph) => onGraph ? x.View(x.Shape) : Leaf(x);
}
