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
/// decimals at d=2048 and was 2.8x faster than the general eigensolver in managed code.
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
    /// <param name="solver">Symmetric eigensolver; defaults to <see cref="MathNetSymmetricEigenSolver"/>.</param>
    public static double Compute(FeatureStatistics first, FeatureStatistics second, ISymmetricEigenSolver? solver = null)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return Compute(first.Mean, first.Covariance, second.Mean, second.Covariance, solver);
    }

    /// <summary>Distance from raw means (length d) and row-major d x d covariances.</summary>
    public static double Compute(double[] mean1, double[] covariance1, double[] mean2, double[] covariance2,
        ISymmetricEigenSolver? solver = null)
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

        double traceSqrt = TraceSqrtProduct(covariance1, covariance2, d, solver);
        return meanTerm + traces - 2 * traceSqrt;
    }

    /// <summary>
    /// Tr((Σ1Σ2)^{1/2}) for symmetric positive semi-definite row-major n x n matrices, via the
    /// eigenvalues of the symmetric <c>√Σ1 Σ2 √Σ1</c>.
    /// </summary>
    public static double TraceSqrtProduct(double[] covariance1, double[] covariance2, int n, ISymmetricEigenSolver? solver = null)
    {
        ArgumentNullException.ThrowIfNull(covariance1);
        ArgumentNullException.ThrowIfNull(covariance2);
        if (covariance1.Length != (long)n * n || covariance2.Length != (long)n * n)
            throw new ArgumentException($"Covariances must both be {n}x{n}.");
        solver ??= MathNetSymmetricEigenSolver.Instance;
        if (n == 0) return 0;

        double[] sqrt1 = SymmetricSqrt(covariance1, n, solver);
        // Σ2 symmetric, so Σ2 √Σ1 = Σ2^T √Σ1 and √Σ1 (Σ2 √Σ1) = √Σ1^T P: both are A^T B products.
        double[] p = GramKernel.Multiply(n, n, n, PanelPackers.Columns(covariance2, n), PanelPackers.Columns(sqrt1, n));
        double[] middle = GramKernel.Multiply(n, n, n, PanelPackers.Columns(sqrt1, n), PanelPackers.Columns(p, n));

        // Rounding leaves the product slightly asymmetric; solvers are promised symmetric input.
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
            {
                double avg = 0.5 * (middle[i * n + j] + middle[j * n + i]);
                middle[i * n + j] = avg;
                middle[j * n + i] = avg;
            }

        double trace = 0;
        foreach (double lambda in ClampRoundoff(solver.Eigvalsh(middle, n)))
            trace += Math.Sqrt(lambda);
        return trace;
    }

    /// <summary>Principal square root of a symmetric PSD matrix; see <see cref="ClampRoundoff"/>.</summary>
    internal static double[] SymmetricSqrt(double[] matrix, int n, ISymmetricEigenSolver solver)
    {
        (double[] raw, double[] vectors) = solver.Eigh(matrix, n);
        double[] values = ClampRoundoff(raw);
        // Row i of U is λ_i^{1/4} v_i, so U^T U = V diag(√λ) V^T with one symmetric product.
        var u = new double[(long)n * n];
        for (int i = 0; i < n; i++)
        {
            double s = Math.Sqrt(Math.Sqrt(values[i]));
            for (int r = 0; r < n; r++) u[i * n + r] = s * vectors[r * n + i];
        }
        return GramKernel.MultiplySymmetric(n, n, PanelPackers.Columns(u, n));
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
