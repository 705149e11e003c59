using System.Numerics;
using GameDrift.Metrics.Extractors;
using GameDrift.Torch;

namespace GameDrift.Metrics;

/// <summary>
/// Kernel Inception Distance: the unbiased MMD² between two feature sets under the polynomial
/// kernel, averaged over random subsets (Bińkowski et al. 2018; torch-fidelity
/// <c>metric_kid.py</c>, clean-fid <c>kernel_distance</c>; peers.md §d.4).
/// </summary>
/// <remarks>
/// Per subset of size m: <c>MMD² = (Σ_{i≠j} k(x_i,x_j) + Σ_{i≠j} k(y_i,y_j)) / (m(m−1))
/// − 2 Σ_{i,j} k(x_i,y_j) / m²</c>, the estimator torch-fidelity calls "unbiased". For each
/// subset the indices of the first set, then of the second, are drawn with
/// <c>choice(n, m, replace=False)</c> from one <see cref="NumpyRandomState"/>, the same sequence
/// as torch-fidelity for the same seed, so its subsets are reproduced exactly. Kernel sums are
/// float64 (torch-fidelity works in the features' float32).
/// </remarks>
public static class KernelInceptionDistance
{
    /// <summary>KID between two row-major feature matrices (N1 x d and N2 x d).</summary>
    public static MetricEstimate Compute(float[] features1, float[] features2, int dimension, KernelInceptionDistanceOptions? options = null)
        => ComputeCore(features1, features2, dimension, options ?? KernelInceptionDistanceOptions.Default);

    /// <summary>KID between two row-major feature matrices (N1 x d and N2 x d).</summary>
    public static MetricEstimate Compute(double[] features1, double[] features2, int dimension, KernelInceptionDistanceOptions? options = null)
        => ComputeCore(features1, features2, dimension, options ?? KernelInceptionDistanceOptions.Default);

    /// <summary>
    /// Unbiased MMD² of one pair of equally sized sets, given as rows <paramref name="rows1"/> of
    /// <paramref name="features1"/> and <paramref name="rows2"/> of <paramref name="features2"/>.
    /// </summary>
    internal static double SubsetMmd2<T>(T[] features1, int[] rows1, T[] features2, int[] rows2, int dimension,
        KernelInceptionDistanceOptions options) where T : INumberBase<T>
    {
        int m = rows1.Length;
        // One Gram of the stacked [X; Y] (float64, libtorch) gives the XX, YY and XY blocks in one product.
        var source = new double[(long)(rows1.Length + rows2.Length) * dimension];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < dimension; j++)
            {
                source[(long)i * dimension + j] = double.CreateTruncating(features1[(long)rows1[i] * dimension + j]);
                source[(long)(m + i) * dimension + j] = double.CreateTruncating(features2[(long)rows2[i] * dimension + j]);
            }
        double[] gram;
        using (var scope = torch.NewDisposeScope())
        using (new DeterministicThreads()) // the same bits on every machine
        {
            var x = torch.Tensor(source, [2 * m, dimension]);
            gram = x.Matmul(x.T()).Contiguous().ToArray<double>();
        }

        double gamma = options.Gamma ?? 1.0 / dimension;
        int ld = 2 * m;
        double sumXX = 0, sumYY = 0, sumXY = 0;
        for (int i = 0; i < m; i++)
        {
            for (int j = i + 1; j < m; j++)
            {
                sumXX += Kernel(gram[i * ld + j], gamma, options);
                sumYY += Kernel(gram[(m + i) * ld + m + j], gamma, options);
            }
            for (int j = 0; j < m; j++) sumXY += Kernel(gram[i * ld + m + j], gamma, options);
        }
        // Off-diagonal sums are symmetric: each unordered pair counts twice.
        return 2 * (sumXX + sumYY) / ((double)m * (m - 1)) - 2 * sumXY / ((double)m * m);
    }

    private static MetricEstimate ComputeCore<T>(T[] features1, T[] features2, int dimension, KernelInceptionDistanceOptions options)
        where T : INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(features1);
        ArgumentNullException.ThrowIfNull(features2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        if (features1.Length % dimension != 0 || features2.Length % dimension != 0)
            throw new ArgumentException($"Feature arrays are not whole numbers of {dimension}-dimensional rows.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.NumSubsets, nameof(options.NumSubsets));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.SubsetSize, nameof(options.SubsetSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Degree, nameof(options.Degree));
        int n1 = features1.Length / dimension, n2 = features2.Length / dimension;
        int m = Math.Min(options.SubsetSize, Math.Min(n1, n2));
        if (m < 2)
            throw new ArgumentException($"KID needs at least 2 samples per set; got {n1} and {n2}.");

        var rng = new NumpyRandomState(options.Seed);
        var values = new double[options.NumSubsets];
        for (int s = 0; s < values.Length; s++)
        {
            int[] rows1 = rng.ChooseWithoutReplacement(n1, m);
            int[] rows2 = rng.ChooseWithoutReplacement(n2, m);
            values[s] = SubsetMmd2(features1, rows1, features2, rows2, dimension, options);
        }
        return MetricEstimate.FromValues(values);
    }

    private static double Kernel(double dot, double gamma, KernelInceptionDistanceOptions options)
    {
        double b = dot * gamma + options.Coef0;
        double r = b;
        for (int i = 1; i < options.Degree; i++) r *= b;
        return r;
    }
}
