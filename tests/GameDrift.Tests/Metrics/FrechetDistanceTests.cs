using GameDrift.Metrics;

namespace GameDrift.Tests.Metrics;

public class FrechetDistanceTests
{
    [Fact]
    public void IdenticalStatisticsGiveZero()
    {
        var rng = new Random(1);
        int d = 16;
        double[] mu = TestMatrices.Gaussian(rng, d);
        double[] sigma = TestMatrices.RandomCovariance(rng, d);
        Assert.True(Math.Abs(FrechetDistance.Compute(mu, sigma, mu, sigma)) < 1e-8);
    }

    [Fact]
    public void DiagonalCovariancesMatchClosedForm()
    {
        var rng = new Random(2);
        int d = 9;
        double[] mu1 = TestMatrices.Gaussian(rng, d), mu2 = TestMatrices.Gaussian(rng, d);
        double[] a = Enumerable.Range(0, d).Select(_ => 0.1 + 3 * rng.NextDouble()).ToArray();
        double[] b = Enumerable.Range(0, d).Select(_ => 0.1 + 3 * rng.NextDouble()).ToArray();
        double[] identity = TestMatrices.Identity(d);

        double expected = ClosedForm(mu1, mu2, a, b);
        double actual = FrechetDistance.Compute(mu1, TestMatrices.FromEigen(identity, a, d), mu2, TestMatrices.FromEigen(identity, b, d));
        Assert.Equal(expected, actual, 1e-10);
    }

    [Theory]
    [InlineData(5, 11)]
    [InlineData(24, 12)]
    public void CommutingCovariancesMatchClosedForm(int d, int seed)
    {
        // Same eigenvectors (a random rotation), different spectra: √(Σ1Σ2) = Q √(ab) Q^T.
        var rng = new Random(seed);
        double[] q = TestMatrices.RandomRotation(rng, d);
        double[] a = Enumerable.Range(0, d).Select(_ => 0.05 + 2 * rng.NextDouble()).ToArray();
        double[] b = Enumerable.Range(0, d).Select(_ => 0.05 + 2 * rng.NextDouble()).ToArray();
        double[] mu1 = TestMatrices.Gaussian(rng, d), mu2 = TestMatrices.Gaussian(rng, d);

        double actual = FrechetDistance.Compute(mu1, TestMatrices.FromEigen(q, a, d), mu2, TestMatrices.FromEigen(q, b, d));
        Assert.Equal(ClosedForm(mu1, mu2, a, b), actual, 1e-9);
    }

    [Fact]
    public void RankDeficientCovarianceStaysExact()
    {
        // Fewer samples than dimensions makes Σ singular; sqrtm-based code needs an eps retry here.
        var rng = new Random(4);
        int d = 8;
        double[] q = TestMatrices.RandomRotation(rng, d);
        double[] a = [0, 0, 0, 0.5, 1, 2, 0, 3];
        double[] b = [1, 0, 2, 0.5, 0.25, 2, 0, 4];
        double[] mu = new double[d];
        double actual = FrechetDistance.Compute(mu, TestMatrices.FromEigen(q, a, d), mu, TestMatrices.FromEigen(q, b, d));
        Assert.Equal(ClosedForm(mu, mu, a, b), actual, 1e-9);
    }

    [Fact]
    public void HandBuilt3x3AgreesWithDenmanBeaversSqrtm()
    {
        // Non-commuting covariances: the expected trace comes from the square root of the
        // non-symmetric Σ1Σ2 by Denman–Beavers iteration, a route sharing no code with ours.
        double[] s1 = [4, 1, 0.5, 1, 3, 0.25, 0.5, 0.25, 2];
        double[] s2 = [1, -0.4, 0, -0.4, 2, 0.7, 0, 0.7, 1.5];
        double[] mu1 = [0.5, -1, 2], mu2 = [0, 0.5, 1.5];
        double[] root = TestMatrices.DenmanBeaversSqrt(TestMatrices.Multiply(s1, s2, 3), 3);

        // The iteration really converged to a square root of Σ1Σ2.
        FeatureStatisticsTests.AssertClose(TestMatrices.Multiply(s1, s2, 3), TestMatrices.Multiply(root, root, 3), 1e-12);

        double meanTerm = 0.25 + 2.25 + 0.25;
        double expected = meanTerm + TestMatrices.Trace(s1, 3) + TestMatrices.Trace(s2, 3) - 2 * TestMatrices.Trace(root, 3);
        Assert.Equal(expected, FrechetDistance.Compute(mu1, s1, mu2, s2), 1e-11);
    }

    [Fact]
    public void MatchesScipySqrtmRouteOnNumpyStatistics()
    {
        double expected = Fixtures.Golden("fid_expected").Data[0];
        double actual = FrechetDistance.Compute(
            Fixtures.Golden("fid_mu1").Data, Fixtures.Golden("fid_sigma1").Data,
            Fixtures.Golden("fid_mu2").Data, Fixtures.Golden("fid_sigma2").Data);
        Assert.True(Math.Abs(actual - expected) <= 1e-10 * expected, $"expected {expected:R}, got {actual:R}");
    }

    [Fact]
    public void IsNonNegativeAndSymmetric()
    {
        var rng = new Random(6);
        for (int trial = 0; trial < 20; trial++)
        {
            int d = 2 + trial % 7;
            double[] mu1 = TestMatrices.Gaussian(rng, d), mu2 = TestMatrices.Gaussian(rng, d);
            double[] s1 = TestMatrices.RandomCovariance(rng, d, ridge: 0), s2 = TestMatrices.RandomCovariance(rng, d, ridge: 0);
            double forward = FrechetDistance.Compute(mu1, s1, mu2, s2);
            double backward = FrechetDistance.Compute(mu2, s2, mu1, s1);
            Assert.True(forward > 0, $"trial {trial}: {forward}");
            Assert.Equal(forward, backward, 1e-9 * Math.Max(1, forward));
        }
    }

    [Fact]
    public void StatisticsOverloadMatchesTheArrayOne()
    {
        var rng = new Random(7);
        int d = 6;
        var a = new FeatureStatistics(TestMatrices.Gaussian(rng, d), TestMatrices.RandomCovariance(rng, d));
        var b = new FeatureStatistics(TestMatrices.Gaussian(rng, d), TestMatrices.RandomCovariance(rng, d));
        Assert.Equal(FrechetDistance.Compute(a.Mean, a.Covariance, b.Mean, b.Covariance), FrechetDistance.Compute(a, b));
    }

    [Fact]
    public void RejectsNonFiniteAndMismatchedInputs()
    {
        double[] mu = [0, 0];
        double[] s = [1, 0, 0, 1];
        Assert.Throws<ArgumentException>(() => FrechetDistance.Compute(mu, s, [0, 0, 0], s));
        Assert.Throws<ArgumentException>(() => FrechetDistance.Compute(mu, s, mu, [1, 0, 0]));
        Assert.Throws<ArgumentException>(() => FrechetDistance.Compute(mu, s, mu, [1, double.NaN, double.NaN, 1]));
    }

    private static double ClosedForm(double[] mu1, double[] mu2, double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double r = Math.Sqrt(a[i]) - Math.Sqrt(b[i]);
            double m = mu1[i] - mu2[i];
            sum += r * r + m * m;
        }
        return sum;
    }
}
