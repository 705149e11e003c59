using GameDrift.Games;
using GameDrift.Regularisers;
using MathNet.Numerics.LinearAlgebra;

namespace GameDrift.Analysis;

/// <summary>Jacobians of the modified flows at an equilibrium, J~ = J_F - h/2 Delta (spec §3.5), in the spec's
/// parameterisation: J is the Jacobian of (f, g), the learning rates are alpha*h and lambda*h. Callers holding only
/// the learning rates pass alpha = eta_phi, lambda = eta_theta, h = 1 (iteration time; eigenvalue signs unchanged).</summary>
public static class ModifiedJacobians
{
    /// <summary>Paper form (per-player time): J - h/2 K J^2, K = diag(alpha I, lambda I); alternating replaces the
    /// second block-row of Delta by lambda((1 - 2alpha/lambda) g_phi [f_phi, f_theta] + g_theta [g_phi, g_theta]).</summary>
    public static Matrix<double> Paper(Matrix<double> j, int phiDim, SchemeKind scheme, double alpha, double lambda, double h)
    {
        var k = Scaling(j.RowCount, phiDim, alpha, lambda);
        var delta = k * j * j;
        if (DiscreteMaps.RequireEuler(scheme) == SchemeKind.Alternating)
        {
            // lambda (1 - 2a/l) g_phi J_top = lambda g_phi J_top - 2 alpha g_phi J_top
            var correction = GPhiTimesTop(j, phiDim);
            SubtractLowerRows(delta, phiDim, correction * (2 * alpha));
        }
        return j - delta * (h / 2);
    }

    /// <summary>Single clock: J_F - h/2 J_F^2 with J_F = K J; alternating adds h [[0, 0], [lambda alpha g_phi f_phi, lambda alpha g_phi f_theta]].</summary>
    public static Matrix<double> SingleClock(Matrix<double> j, int phiDim, SchemeKind scheme, double alpha, double lambda, double h)
    {
        var jf = Scaling(j.RowCount, phiDim, alpha, lambda) * j;
        var result = jf - jf * jf * (h / 2);
        if (DiscreteMaps.RequireEuler(scheme) == SchemeKind.Alternating)
            SubtractLowerRows(result, phiDim, GPhiTimesTop(j, phiDim) * (-h * lambda * alpha));
        return result;
    }

    /// <summary>The per-player scaling K = diag(alpha I_phi, lambda I_theta).</summary>
    public static Matrix<double> Scaling(int n, int phiDim, double alpha, double lambda) =>
        Matrix<double>.Build.DenseOfDiagonalArray(Enumerable.Range(0, n).Select(i => i < phiDim ? alpha : lambda).ToArray());

    /// <summary>Either form by <paramref name="form"/>.</summary>
    public static Matrix<double> Of(DriftConvention form, Matrix<double> j, int phiDim, SchemeKind scheme, double alpha, double lambda, double h) =>
        form == DriftConvention.Paper ? Paper(j, phiDim, scheme, alpha, lambda, h) : SingleClock(j, phiDim, scheme, alpha, lambda, h);

    // g_phi [f_phi, f_theta]: (n - phiDim) x n.
    private static Matrix<double> GPhiTimesTop(Matrix<double> j, int phiDim)
    {
        int n = j.RowCount;
        var gPhi = j.SubMatrix(phiDim, n - phiDim, 0, phiDim);
        var top = j.SubMatrix(0, phiDim, 0, n);
        return gPhi * top;
    }

    private static void SubtractLowerRows(Matrix<double> m, int phiDim, Matrix<double> rows)
    {
        for (int i = 0; i < rows.RowCount; i++)
            for (int c = 0; c < rows.ColumnCount; c++)
                m[phiDim + i, c] -= rows[i, c];
    }
}
