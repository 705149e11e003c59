using GameDrift.Torch;

namespace GameDrift.Games;

/// <summary>Small helpers on gradient lists (one tensor per parameter).</summary>
public static class GradientMath
{
    /// <summary>Replaces the nulls autograd returns for unused inputs by zeros of the input's shape.</summary>
    public static Tensor[] ZerosForUnused(Tensor?[] grads, IReadOnlyList<Tensor> inputs)
    {
        var r = new Tensor[grads.Length];
        for (var i = 0; i < grads.Length; i++) r[i] = grads[i] ?? torch.ZerosLike(inputs[i]);
        return r;
    }

    /// <summary>Sum over the list of the elementwise products, a scalar tensor on the graph.</summary>
    public static Tensor Dot(IReadOnlyList<Tensor> a, IReadOnlyList<Tensor> b)
    {
        if (a.Count != b.Count) throw new ArgumentException("gradient lists differ in length");
        Tensor? s = null;
        for (var i = 0; i < a.Count; i++)
        {
            var term = (a[i] * b[i]).Sum();
            s = s is null ? term : s + term;
        }
        return s ?? throw new ArgumentException("empty gradient list");
    }

    /// <summary>Euclidean norm of the whole list, as a double (one read from the device).</summary>
    public static double Norm(IReadOnlyList<Tensor> a)
    {
        using var scope = torch.NewDisposeScope();
        return Math.Sqrt(SquaredNorm(a).ToDouble());
    }

    /// <summary>Squared Euclidean norm of the whole list as a scalar tensor on the gradients' device, off the graph:
    /// nothing is read to the host.</summary>
    public static Tensor SquaredNorm(IReadOnlyList<Tensor> a)
    {
        using var _ = torch.NoGrad();
        // One reduction per tensor (a norm kernel), no elementwise product the size of the gradient: the diagnostics take
        // these at every step, and on a network's gradients such temporaries cost more than the sums.
        Tensor? s = null;
        foreach (var t in a)
        {
            var n = t.Norm().Square();
            s = s is null ? n : s + n;
        }
        return s ?? throw new ArgumentException("empty gradient list");
    }
}
