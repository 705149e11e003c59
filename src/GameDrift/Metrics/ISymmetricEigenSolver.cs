namespace GameDrift.Metrics;

/// <summary>
/// Eigendecomposition of a real symmetric matrix, the only decomposition the Fréchet distance
/// needs. Implementations may be managed (small d) or LAPACK-backed (d = 2048).
/// </summary>
/// <remarks>
/// Conventions follow LAPACK <c>syevd</c> / <c>numpy.linalg.eigh</c>: eigenvalues ascending;
/// vectors returned row-major <c>n x n</c> with column j the unit eigenvector of
/// <c>Values[j]</c>. Input is row-major <c>n x n</c>; callers pass symmetric matrices, and
/// implementations may read either triangle.
/// </remarks>
public interface ISymmetricEigenSolver
{
    /// <summary>Eigenvalues (ascending) and eigenvectors (columns of a row-major n x n matrix).</summary>
    (double[] Values, double[] Vectors) Eigh(double[] matrix, int n);

    /// <summary>Eigenvalues only, ascending. Override when the backend can skip the vectors.</summary>
    double[] Eigvalsh(double[] matrix, int n) => Eigh(matrix, n).Values;
}
