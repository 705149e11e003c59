using GameDrift.Games;
using GameDrift.Torch;
using MathNet.Numerics.LinearAlgebra;

namespace GameDrift.Analysis;

/// <summary>Exact Jacobians by autograd: one reverse pass per output row.</summary>
public static class FieldJacobian
{
    /// <summary>J = d(f, g)/d(phi, theta) at z (spec §1.1 block layout [[f_phi, f_theta], [g_phi, g_theta]]).</summary>
    public static Matrix<double> Of(IVectorFieldGame game, ReadOnlySpan<double> z) =>
        OfMap(game, z, (phi, theta) => game.Field(phi, theta));

    /// <summary>The Jacobian of any differentiable map (phi, theta) -> (phi', theta') at z.</summary>
    public static Matrix<double> OfMap(IVectorFieldGame game, ReadOnlySpan<double> z,
        Func<Tensor, Tensor, (Tensor, Tensor)> map)
    {
        using var scope = torch.NewDisposeScope();
        var (p, t) = JointState.Split(game, z);
        var phi = Autodiff.Leaf(p);
        var theta = Autodiff.Leaf(t);
        var (a, b) = map(phi, theta);
        var output = JointState.Join(a, b);
        int n = game.PhiDim + game.ThetaDim;
        var jac = Matrix<double>.Build.Dense(n, n);
        for (int i = 0; i < n; i++)
        {
            var grads = Autograd.Grad(output[i], new[] { phi, theta }, retainGraph: true, allowUnused: true);
            var row = new double[n];
            grads[0]?.ToArray<double>().CopyTo(row, 0);
            grads[1]?.ToArray<double>().CopyTo(row, game.PhiDim);
            jac.SetRow(i, row);
        }
        return jac;
    }
}
