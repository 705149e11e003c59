using GameDrift.Metrics.Extractors;
using GameDrift.Torch;

namespace GameDrift.Metrics;

/// <summary>
/// Fréchet distance between two Gaussians, the FID when the statistics are Inception pool_3
/// features: <c>d² = ‖μ1−μ2‖² + Tr(Σ1) + Tr(Σ2) − 2 Tr((Σ1Σ2)^{1/2})</c>
/// (TTUR; pytorch-fid <c>calculate_frechet_distance</c>; peers.md §d.4).
/// </summary>
/// <remarks>
/// <para>
/// Tr((Σ1Σ2)^{1/2}) is the sum of square roots of the eigenvalues of Σ1Σ2. Those equal the
/// eigenvalues of the symmetric positive semi-definite <c>√Σ1 Σ2 √Σ1</c>, so we take <c>√Σ1</c>
/// from a symmetric eigendecomposition and the eigenvalues of <c>√Σ1 Σ2 √Σ1</c> from a second
/// one, clamping negative and rounding-level eigenvalues to 0 in both. peers.md §d.4 lists this
/// route: it agrees with scipy <c>sqrtm</c> and torch-fidelity's <c>eigvals(Σ1Σ2)</c> to 6
/// decimals at d=2048. The products and both decompositions are libtorch's (LAPACK <c>syevd</c>,
/// BLAS <c>gemm</c>) in float64, on one thread so that the value is the same bits on every machine.
/// </para>
/// <para>
/// Not done, on purpose: <c>eigvalsh(Σ1Σ2)</c> (the product is not symmetric; wrong result,
/// torch-fidelity #46), scipy <c>sqrtm</c> (NaN/imaginary failures on singular Σ, SciPy
/// 1.11–1.12 regression) and pytorch-fid's <c>eps·I</c> retry, which the clamping makes
/// unnecessary: rank-deficient Σ (N &lt; d) yields a finite value without shifting it.
/// The result is not clamped: identical inputs can give a tiny negative number from rounding.
/// </para>
/// </remarks>
public static class FrechetDistance
{
    /// <summary>FID-style distance between two sets of statistics.</summary>
    /// <param name="first">Statistics of the first feature set.</param>
    /// <param name="second">Statistics of the second feature set.</param>
    public static double Compute(FeatureStatistics first, FeatureStatistics second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return Compute(first.Mean, first.Covariance, second.Mean, second.Covariance);
    }

    /// <summary>Distance from raw means (length d) and row-major d x d covariances.</summary>
    public static double Compute(double[] mean1, double[] covariance1, double[] mean2, double[] covariance2)
    {
        ArgumentNullException.ThrowIfNull(mean1);
        ArgumentNullException.ThrowIfNull(mean2);
        ArgumentNullException.ThrowIfNull(covariance1);
        ArgumentNullException.ThrowIfNull(covariance2);
        int d = mean1.Length;
        if (mean2.Length != d)
            throw new ArgumentException($"Mean vectors have different lengths ({d} and {mean2.Length}).", nameof(mean2));
        if (covariance1.Length != (long)d * d || covariance2.Length != (long)d * d)
            throw new ArgumentException($"Covariances must both be {d}x{d}; got {covariance1.Length} and {covariance2.Length} entries.");
        RequireFinite(mean1, nameof(mean1));
        RequireFinite(mean2, nameof(mean2));
        RequireFinite(covariance1, nameof(covariance1));
        RequireFinite(covariance2, nameof(covariance2));

        double meanTerm = 0;
        for (int i = 0; i < d; i++)
        {
            double diff = mean1[i] - mean2[i];
            meanTerm += diff * diff;
        }
        double traces = 0;
        for (int i = 0; i < d; i++) traces += covariance1[i * d + i] + covariance2[i * d + i];

        double traceSqrt = TraceSqrtProduct(covariance1, covariance2, d);
        return meanTerm + traces - 2 * traceSqrt;
    }

    /// <summary>
    /// Tr((Σ1Σ2)^{1/2}) for symmetric positive semi-definite row-major n x n matrices, via the
    /// eigenvalues of the symmetric <c>√Σ1 Σ2 √Σ1</c>.
    /// </summary>
    public static double TraceSqrtProduct(double[] covariance1, double[] covariance2, int n)
    {
        ArgumentNullException.ThrowIfNull(covariance1);
        ArgumentNullException.ThrowIfNull(covariance2);
        if (covariance1.Length != (long)n * n || covariance2.Length != (long)n * n)
            throw new ArgumentException($"Covariances must both be {n}x{n}.");
        if (n == 0) return 0;

        using var scope = torch.NewDisposeScope();
        using var threads = new DeterministicThreads();
        var sqrt1 = SymmetricSqrt(torch.Tensor(covariance1, [n, n]));
        var middle = sqrt1.Matmul(torch.Tensor(covariance2, [n, n])).Matmul(sqrt1);
        // Rounding leaves the product slightly asymmetric; syevd reads one triangle only.
        middle = (middle + middle.T()) * 0.5;

        double trace = 0;
        foreach (double lambda in ClampRoundoff(torch.linalg.Eigh(middle).Values.ToArray<double>()))
            trace += Math.Sqrt(lambda);
        return trace;
    }

    /// <summary>Principal square root <c>V diag(√λ) V^T</c> of a symmetric PSD matrix; see <see cref="ClampRoundoff"/>.</summary>
    internal static Tensor SymmetricSqrt(Tensor matrix)
    {
        var (raw, vectors) = torch.linalg.Eigh(matrix);
        var roots = torch.Tensor(ClampRoundoff(raw.ToArray<double>()).Select(Math.Sqrt).ToArray());
        // Column j of V scaled by √λ_j (broadcast along rows), times V^T.
        return (vectors * roots).Matmul(vectors.T());
    }

    /// <summary>
    /// Zeroes eigenvalues that are negative or within rounding of zero (|λ| ≤ n·ε·max|λ|, the
    /// backward error of a symmetric eigensolver). The square root amplifies such noise: a true
    /// zero computed as 1e-16·λmax would add 1e-8·√λmax per null direction to the trace, which
    /// adds up over the null space of a rank-deficient (N &lt; d) covariance.
    /// </summary>
    internal static double[] ClampRoundoff(double[] eigenvalues)
    {
        double max = 0;
        foreach (double v in eigenvalues) max = Math.Max(max, Math.Abs(v));
        const double machineEpsilon = 2.220446049250313e-16; // 2^-52; double.Epsilon is the smallest subnormal
        double tolerance = eigenvalues.Length * machineEpsilon * max;
        var result = new double[eigenvalues.Length];
        for (int i = 0; i < result.Length; i++)
            result[i] = eigenvalues[i] > tolerance ? eigenvalues[i] : 0;
        return result;
    }

    private static void RequireFinite(double[] values, string name)
    {
        foreach (double v in values)
            if (!double.IsFinite(v))
                throw new ArgumentException("Statistics contain NaN or infinity.", name);
    }
}
