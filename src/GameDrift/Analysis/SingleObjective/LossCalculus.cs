using GameDrift.Torch;
using MathNet.Numerics.LinearAlgebra;

namespace GameDrift.Analysis.SingleObjective;

/// <summary>Exact derivatives of an <see cref="IScalarLoss"/> at a point, by (higher-order) autograd in float64:
/// the gradient g, Hessian-vector products Hv (double backprop of g·sg(v)), the full Hessian (one HVP per column),
/// and the third-derivative contraction ∇³E[v, v] = ∇(sg(v)ᵀ H sg(v)) (spec §2, §9.1).</summary>
public static class LossCalculus
{
    public static double[] Gradient(IScalarLoss loss, ReadOnlySpan<double> theta)
    {
        using var scope = torch.NewDisposeScope();
        var x = Leaf(theta);
        return Autograd.Grad(loss.Value(x), new[] { x })[0]!.ToArray<double>();
    }

    /// <summary>H(theta) v, exact (forward-over-reverse in effect: the gradient of g·v).</summary>
    public static double[] Hvp(IScalarLoss loss, ReadOnlySpan<double> theta, ReadOnlySpan<double> v)
    {
        using var scope = torch.NewDisposeScope();
        var x = Leaf(theta);
        var g = Autograd.Grad(loss.Value(x), new[] { x }, createGraph: true)[0]!;
        return GradOrZero(g.Dot(torch.Tensor(v.ToArray())), x).ToArray<double>();
    }

    /// <summary>The full Hessian, column by column from exact HVPs on one graph.</summary>
    public static Matrix<double> Hessian(IScalarLoss loss, ReadOnlySpan<double> theta)
    {
        using var scope = torch.NewDisposeScope();
        var x = Leaf(theta);
        var g = Autograd.Grad(loss.Value(x), new[] { x }, createGraph: true)[0]!;
        int d = theta.Length;
        var h = Matrix<double>.Build.Dense(d, d);
        for (int i = 0; i < d; i++)
        {
            var gi = g.Narrow(0, i, 1).Sum();
            var row = gi.RequiresGrad ? Autograd.Grad(gi, new[] { x }, retainGraph: true, allowUnused: true)[0] : null;
            h.SetRow(i, row?.ToArray<double>() ?? new double[d]);
        }
        return (h + h.Transpose()) * 0.5; // exact up to roundoff; symmetrised so the eigenbasis is orthonormal
    }

    /// <summary>∇³E[v, v] = ∇_theta(sg(v)ᵀ H(theta) sg(v)) at theta.</summary>
    public static double[] ThirdOrder(IScalarLoss loss, ReadOnlySpan<double> theta, ReadOnlySpan<double> v)
    {
        using var scope = torch.NewDisposeScope();
        var x = Leaf(theta);
        var vt = torch.Tensor(v.ToArray());
        var g = Autograd.Grad(loss.Value(x), new[] { x }, createGraph: true)[0]!;
        var gv = g.Dot(vt);
        if (!gv.RequiresGrad) return new double[theta.Length];
        var hv = Autograd.Grad(gv, new[] { x }, createGraph: true, allowUnused: true)[0];
        if (hv is null || !hv.RequiresGrad) return new double[theta.Length];
        return GradOrZero(hv.Dot(vt), x).ToArray<double>();
    }

    private static Tensor Leaf(ReadOnlySpan<double> theta) => torch.Tensor(theta.ToArray()).RequiresGrad_();

    private static Tensor GradOrZero(Tensor scalar, Tensor x) =>
        scalar.RequiresGrad ? Autograd.Grad(scalar, new[] { x }, allowUnused: true)[0] ?? torch.ZerosLike(x) : torch.ZerosLike(x);
}
