using MathNet.Numerics.LinearAlgebra;

namespace GameDrift.Analysis;

/// <summary>Gauss–Hermite quadrature for expectations under a standard normal: E[h(X)] ≈ Σ w_k h(x_k), exact for
/// polynomials of degree up to 2n - 1 (probabilists' Hermite weight; Golub–Welsch: the nodes are the eigenvalues of the
/// Jacobi matrix with off-diagonal sqrt(k), the weights the squared first components of its unit eigenvectors).</summary>
public static class GaussHermite
{
    public static (double[] Nodes, double[] Weights) Rule(int n)
    {
        if (n < 1) throw new ArgumentException($"Gauss–Hermite needs at least one node (got {n})", nameof(n));
        var j = Matrix<double>.Build.Dense(n, n);
        for (int k = 1; k < n; k++) j[k - 1, k] = j[k, k - 1] = Math.Sqrt(k);
        var evd = j.Evd(Symmetricity.Symmetric);
        var nodes = evd.EigenValues.Select(e => e.Real).ToArray();
        var weights = Enumerable.Range(0, n).Select(i => evd.EigenVectors[0, i] * evd.EigenVectors[0, i]).ToArray();
        return (nodes, weights);
    }
}
