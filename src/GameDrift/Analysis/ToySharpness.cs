using GameDrift.Games;
using MathNet.Numerics.LinearAlgebra;

namespace GameDrift.Analysis;

/// <summary>Per-player sharpness of a toy game at a point: the top eigenvalue of the symmetric part of -∂f/∂φ (player 1)
/// and -∂g/∂θ (player 2). For a game with losses these blocks are the own-loss Hessians ∇²_φφ L1 and ∇²_θθ L2 (f = -∇_φ L1),
/// so the values are the sharpness of spec §9.2 with the edge of stability at λ·lr/2 = 1; for a field-only game they are
/// the same quantity of its own-field Jacobians. Exact, from the autograd Jacobian.</summary>
public static class ToySharpness
{
    public static readonly string[] Columns =
        { "sharpness_d", "sharpness_g", "sharpness_d_x_lr_d_over_2", "sharpness_g_x_lr_g_over_2" };

    public static (double Phi, double Theta) At(IVectorFieldGame game, double[] z)
    {
        var j = FieldJacobian.Of(game, z);
        int p = game.PhiDim, t = game.ThetaDim;
        return (Top(-j.SubMatrix(0, p, 0, p)), Top(-j.SubMatrix(p, t, p, t)));
    }

    /// <summary>The four columns along a trajectory: sharpness of each player and λ·lr/2.</summary>
    public static double[][] Along(IVectorFieldGame game, IReadOnlyList<double[]> trajectory, double lrD, double lrG) =>
        trajectory.Select(z =>
        {
            var (d, g) = At(game, z);
            return new[] { d, g, d * lrD / 2, g * lrG / 2 };
        }).ToArray();

    // NaN once the run has left the finite numbers (a diverged trajectory), where no eigenvalue is defined.
    private static double Top(Matrix<double> m) => m.Enumerate().All(double.IsFinite)
        ? ((m + m.Transpose()) * 0.5).Evd(Symmetricity.Symmetric).EigenValues.Max(e => e.Real)
        : double.NaN;
}
