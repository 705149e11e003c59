using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace GameDrift.Metrics;

/// <summary>
/// <see cref="ISymmetricEigenSolver"/> on MathNet.Numerics' symmetric EVD (Householder
/// tridiagonalisation + QL). Accurate, but O(n^3) managed code: fine for tests and small d;
/// at d = 2048 expect tens of seconds (peers.md §0 item 4 measured 53 s for the whole FID).
/// </summary>
public sealed class MathNetSymmetricEigenSolver : ISymmetricEigenSolver
{
    /// <summary>Shared instance; the solver holds no state.</summary>
    public static MathNetSymmetricEigenSolver Instance { get; } = new();

    /// <inheritdoc />
    public (double[] Values, double[] Vectors) Eigh(double[] matrix, int n)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (matrix.Length != (long)n * n)
            throw new ArgumentException($"Expected {n}x{n} = {(long)n * n} entries, got {matrix.Length}.", nameof(matrix));
        if (n == 0) return ([], []);

        // Average the triangles: inputs are symmetric up to rounding, and MathNet's symmetric
        // path reads only one triangle. A symmetric row-major array is also its column-major form.
        var sym = new double[matrix.Length];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                sym[i * n + j] = 0.5 * (matrix[i * n + j] + matrix[j * n + i]);

        Evd<double> evd = Matrix<double>.Build.Dense(n, n, sym).Evd(Symmetricity.Symmetric);
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) raw[i] = evd.EigenValues[i].Real;
        Matrix<double> v = evd.EigenVectors;

        // Sort explicitly so the ascending-order contract never depends on MathNet internals.
        int[] order = Enumerable.Range(0, n).OrderBy(i => raw[i]).ToArray();
        var values = new double[n];
        var vectors = new double[(long)n * n];
        for (int jNew = 0; jNew < n; jNew++)
        {
            int jOld = order[jNew];
            values[jNew] = raw[jOld];
            for (int i = 0; i < n; i++) vectors[i * n + jNew] = v[i, jOld];
        }
        return (values, vectors);
    }
}
