using GameDrift.Metrics;

namespace GameDrift.Tests.Metrics;

public class FeatureStatisticsTests
{
    [Fact]
    public void MatchesNumpyCovOnFloat32Features()
    {
        NpyArray features = Fixtures.Golden("cov_features");
        float[] f = features.Data.Select(v => (float)v).ToArray();
        FeatureStatistics stats = FeatureStatistics.FromFeatures(f, features.Shape[1]);

        AssertClose(Fixtures.Golden("cov_mean").Data, stats.Mean, 1e-12);
        AssertClose(Fixtures.Golden("cov_sigma").Data, stats.Covariance, 1e-9);
        Assert.Equal(40, stats.Count);
    }

    [Theory]
    [InlineData(300, 13)] // more rows than one K-chunk, dimension not a multiple of the lane width
    [InlineData(7, 1)]
    [InlineData(2, 20)]
    public void MatchesTwoPassReferenceOnOddShapes(int n, int d)
    {
        var rng = new Random(n * 31 + d);
        double[] x = TestMatrices.Gaussian(rng, n * d).Select((v, i) => v * (1 + i % d) + 5 * (i % d)).ToArray();

        FeatureStatistics fromDouble = FeatureStatistics.FromFeatures(x, d);
        (double[] mean, double[] cov) = Reference(x, n, d);
        AssertClose(mean, fromDouble.Mean, 1e-13);
        AssertClose(cov, fromDouble.Covariance, 1e-12);

        float[] xf = x.Select(v => (float)v).ToArray();
        (double[] meanF, double[] covF) = Reference(xf.Select(v => (double)v).ToArray(), n, d);
        FeatureStatistics fromFloat = FeatureStatistics.FromFeatures(xf, d);
        AssertClose(meanF, fromFloat.Mean, 1e-13);
        AssertClose(covF, fromFloat.Covariance, 1e-12);
    }

    [Fact]
    public void CovarianceIsExactlySymmetric()
    {
        var rng = new Random(3);
        FeatureStatistics s = FeatureStatistics.FromFeatures(TestMatrices.Gaussian(rng, 50 * 17), 17);
        for (int i = 0; i < 17; i++)
            for (int j = 0; j < 17; j++)
                Assert.Equal(s.Covariance[i * 17 + j], s.Covariance[j * 17 + i]);
    }

    [Fact]
    public void LargeOffsetDoesNotDestroyCovariance()
    {
        // E[xx^T] - mu mu^T would lose every digit here; centring first keeps them.
        var rng = new Random(5);
        int n = 500, d = 4;
        double[] x = TestMatrices.Gaussian(rng, n * d);
        double[] shifted = x.Select(v => v + 1e8).ToArray();
        FeatureStatistics a = FeatureStatistics.FromFeatures(x, d);
        FeatureStatistics b = FeatureStatistics.FromFeatures(shifted, d);
        AssertClose(a.Covariance, b.Covariance, 1e-7);
    }

    [Fact]
    public void RejectsTooFewSamplesAndRaggedInput()
    {
        Assert.Throws<ArgumentException>(() => FeatureStatistics.FromFeatures(new double[3], 3));
        Assert.Throws<ArgumentException>(() => FeatureStatistics.FromFeatures(new double[7], 3));
        Assert.Throws<ArgumentException>(() => new FeatureStatistics(new double[3], new double[8]));
    }

    private static (double[] Mean, double[] Cov) Reference(double[] x, int n, int d)
    {
        var mean = new double[d];
        for (int r = 0; r < n; r++)
            for (int j = 0; j < d; j++) mean[j] += x[r * d + j];
        for (int j = 0; j < d; j++) mean[j] /= n;
        var cov = new double[d * d];
        for (int r = 0; r < n; r++)
            for (int i = 0; i < d; i++)
                for (int j = 0; j < d; j++)
                    cov[i * d + j] += (x[r * d + i] - mean[i]) * (x[r * d + j] - mean[j]);
        for (int k = 0; k < cov.Length; k++) cov[k] /= n - 1;
        return (mean, cov);
    }

    internal static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double relTol)
    {
        Assert.Equal(expected.Count, actual.Count);
        double scale = Math.Max(1e-300, expected.Max(Math.Abs));
        for (int i = 0; i < expected.Count; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= relTol * scale,
                $"entry {i}: expected {expected[i]:R}, got {actual[i]:R} (tolerance {relTol * scale:E2})");
    }
}
