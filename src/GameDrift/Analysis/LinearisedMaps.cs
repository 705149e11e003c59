using MathNet.Numerics.LinearAlgebra;

namespace GameDrift.Analysis;

/// <summary>The Euler maps' Jacobians at an equilibrium from the field Jacobian J alone (no autograd), for dense
/// stability grids: simultaneous I + K J; alternating the product of the per-player factors (I + eta P J), P
/// selecting the moving player's rows, k factors per player in update order (spec §7.3, §7.4).</summary>
public static class LinearisedMaps
{
    public static Matrix<double> Jacobian(Matrix<double> j, int phiDim, EulerUpdate update, double etaPhi, double etaTheta)
    {
        int n = j.RowCount;
        var id = Matrix<double>.Build.DenseIdentity(n);
        if (update.Scheme == EulerScheme.Simultaneous) return id + ModifiedJacobians.Scaling(n, phiDim, etaPhi, etaTheta) * j;
        var phiStep = id + ModifiedJacobians.Scaling(n, phiDim, etaPhi, 0) * j;
        var thetaStep = id + ModifiedJacobians.Scaling(n, phiDim, 0, etaTheta) * j;
        var m = id;
        for (int s = 0; s < 2; s++)
        {
            bool phiTurn = update.DiscriminatorFirst ? s == 0 : s == 1;
            for (int i = 0; i < (phiTurn ? update.DiscSteps : update.GenSteps); i++)
                m = (phiTurn ? phiStep : thetaStep) * m;
        }
        return m;
    }
}
