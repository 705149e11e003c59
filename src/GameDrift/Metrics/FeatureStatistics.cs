using GameDrift.Metrics.Extractors;
using GameDrift.Torch;

namespace GameDrift.Metrics;

/// <summary>
/// Mean vector and covariance matrix of a feature set: the Gaussian that FID compares.
/// </summary>
/// <remarks>
/// Everything is float64, as peers.md §d.4 requires (float32 statistics put torcheval and
/// pytorch-gan-metrics' torch path 0.3–0.7 % off). The covariance is the unbiased estimate
/// (divides by N−1), matching <c>numpy.cov(features, rowvar=False)</c> used by pytorch-fid,
/// clean-fid and TTUR to build their <c>mu</c>/<c>sigma</c> reference files.
/// </remarks>
public sealed class FeatureStatistics
{
    /// <summary>Creates statistics from a mean and a row-major <c>d x d</c> covariance.</summary>
    /// <param name="mean">The mean vector (length d).</param>
    /// <param name="covariance">Row-major covariance (length d*d).</param>
    /// <param name="count">Number of samples behind the statistics; 0 when unknown (e.g. loaded from a file).</param>
    public FeatureStatistics(double[] mean, double[] covariance, long count = 0)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(covariance);
        if ((long)mean.Length * mean.Length != covariance.Length)
            throw new ArgumentException(
                $"Covariance has {covariance.Length} entries; a {mean.Length}-dimensional mean needs {(long)mean.Length * mean.Length}.",
                nameof(covariance));
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Mean = mean;
        Covariance = covariance;
        Count = count;
    }

    /// <summary>Feature dimension d.</summary>
    public int Dimension => Mean.Length;

    /// <summary>Number of samples the statistics were computed from (0 if unknown).</summary>
    public long Count { get; }

    /// <summary>Mean vector, length d.</summary>
    public double[] Mean { get; }

    /// <summary>Covariance, row-major d x d.</summary>
    public double[] Covariance { get; }

    /// <summary>Statistics of an N x d row-major float32 feature matrix.</summary>
    public static FeatureStatistics FromFeatures(float[] features, int dimension)
    {
        int count = Rows(features, dimension);
        using var scope = torch.NewDisposeScope();
        return Compute(torch.Tensor(features, [count, dimension]).To(ScalarType.Float64), count, dimension);
    }

    /// <summary>Statistics of an N x d row-major float64 feature matrix.</summary>
    public static FeatureStatistics FromFeatures(double[] features, int dimension)
    {
        int count = Rows(features, dimension);
        using var scope = torch.NewDisposeScope();
        return Compute(torch.Tensor(features, [count, dimension]), count, dimension);
    }

    private static int Rows<T>(T[] features, int dimension)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        if (features.Length % dimension != 0)
            throw new ArgumentException($"{features.Length} values are not a whole number of {dimension}-dimensional rows.", nameof(features));
        int count = features.Length / dimension;
        if (count < 2)
            throw new ArgumentException($"An unbiased covariance needs at least 2 samples; got {count}.", nameof(features));
        return count;
    }

    private static FeatureStatistics Compute(Tensor x, int count, int dimension)
    {
        // One thread: libtorch's reductions and BLAS split work per thread, and reference statistics must be the same
        // bits on every machine.
        using var threads = new DeterministicThreads();
        var mean = x.Mean([0]);
        // Two-pass: products of centred values, never E[xx^T] - mu mu^T, which cancels
        // catastrophically when |mu| is large relative to the spread.
        var centred = x - mean;
        var cov = centred.T().Matmul(centred) / (count - 1);
        // BLAS does not promise C[i,j] == C[j,i] bit for bit; averaging with the transpose does (a + b == b + a).
        cov = (cov + cov.T()) * 0.5;
        return new FeatureStatistics(mean.ToArray<double>(), cov.Contiguous().ToArray<double>(), count);
    }
}
