using GameDrift.Metrics;

namespace GameDrift.Tests.Metrics;

public class KernelInceptionDistanceTests
{
    [Fact]
    public void TinyCaseMatchesDirectFormula()
    {
        // Subset size equals the set size, so every subset is a reordering of the full sets and
        // each value must equal the O(n^2) formula on them.
        int n = 6, d = 3;
        var rng = new Random(9);
        double[] x = TestMatrices.Gaussian(rng, n * d), y = TestMatrices.Gaussian(rng, n * d).Select(v => v + 0.5).ToArray();
        MetricEstimate kid = KernelInceptionDistance.Compute(x, y, d, new KernelInceptionDistanceOptions(NumSubsets: 3, SubsetSize: n));

        double expected = DirectMmd2(x, y, n, d);
        Assert.All(kid.Values, v => Assert.Equal(expected, v, 1e-12));
        Assert.Equal(expected, kid.Mean, 1e-12);
    }

    [Fact]
    public void SubsetSizeIsCappedAtTheSmallerSet()
    {
        int d = 4;
        var rng = new Random(10);
        double[] x = TestMatrices.Gaussian(rng, 30 * d), y = TestMatrices.Gaussian(rng, 45 * d);
        // Default subset size 1000 exceeds both sets: subsets of 30 are drawn, as in clean-fid.
        MetricEstimate kid = KernelInceptionDistance.Compute(x, y, d, new KernelInceptionDistanceOptions(NumSubsets: 4));
        Assert.Equal(4, kid.Values.Count);
        Assert.True(kid.Std > 0); // y subsets of 30 out of 45 differ between draws
    }

    [Fact]
    public void MatchesNumpyReferenceWithTorchFidelitySampling()
    {
        NpyArray f1 = Fixtures.Golden("kid_f1"), f2 = Fixtures.Golden("kid_f2");
        double[] expected = Fixtures.Golden("kid_expected_subsets5_size50_seed2020").Data;
        float[] a = f1.Data.Select(v => (float)v).ToArray(), b = f2.Data.Select(v => (float)v).ToArray();
        MetricEstimate kid = KernelInceptionDistance.Compute(a, b, f1.Shape[1], new KernelInceptionDistanceOptions(NumSubsets: 5, SubsetSize: 50));
        Assert.Equal(expected[0], kid.Mean, 1e-12);
        Assert.Equal(expected[1], kid.Std, 1e-12);
    }

    [Fact]
    public void IdenticalSetsGiveNearZero()
    {
        int d = 8;
        double[] x = TestMatrices.Gaussian(new Random(11), 300 * d);
        var options = new KernelInceptionDistanceOptions(NumSubsets: 40, SubsetSize: 100);
        MetricEstimate same = KernelInceptionDistance.Compute(x, x, d, options);
        MetricEstimate shifted = KernelInceptionDistance.Compute(x, x.Select(v => v + 1).ToArray(), d, options);
        Assert.True(Math.Abs(same.Mean) < 0.01 * shifted.Mean, $"same {same.Mean}, shifted {shifted.Mean}");
        Assert.Contains(same.Values, v => v < 0); // unbiased: individual subsets go negative
    }

    [Fact]
    public void SeparatedDistributionsGiveClearlyPositiveValue()
    {
        int d = 8;
        var rng = new Random(12);
        double[] x = TestMatrices.Gaussian(rng, 200 * d), y = TestMatrices.Gaussian(rng, 200 * d).Select(v => 1.5 * v + 0.5).ToArray();
        MetricEstimate kid = KernelInceptionDistance.Compute(x, y, d, new KernelInceptionDistanceOptions(NumSubsets: 20, SubsetSize: 100));
        Assert.True(kid.Mean > 4 * kid.Std, $"{kid}");
        Assert.All(kid.Values, v => Assert.True(v > 0));
    }

    [Fact]
    public void UnbiasedForIndependentSamplesOfOneDistribution()
    {
        // Two independent samples of one Gaussian: the unbiased estimator averages to ~0, while the
        // biased (diagonal-including) one is pushed up by 2(E k(x,x) − E k(x,y))/m. Shuffling the
        // inputs changes the subsets but not the expectation.
        int d = 4, m = 20, subsets = 400;
        var rng = new Random(13);
        double[] x = TestMatrices.Gaussian(rng, 2000 * d), y = TestMatrices.Gaussian(rng, 2000 * d);
        var options = new KernelInceptionDistanceOptions(NumSubsets: subsets, SubsetSize: m);
        MetricEstimate kid = KernelInceptionDistance.Compute(x, y, d, options);
        MetricEstimate shuffled = KernelInceptionDistance.Compute(ShuffleRows(x, d, rng), ShuffleRows(y, d, rng), d, options);

        double standardError = kid.Std / Math.Sqrt(subsets);
        // For independent standard Gaussians E k(x,y) = E(x·y/d + 1)^3 = 1 + 3/d.
        double biasOfBiasedEstimator = 2 * (MeanSelfKernel(x, d) - (1 + 3.0 / d)) / m;
        Assert.True(biasOfBiasedEstimator > 10 * standardError, $"test too weak: {biasOfBiasedEstimator} vs {standardError}");
        Assert.True(Math.Abs(kid.Mean) < 4 * standardError, $"{kid.Mean} vs standard error {standardError}");
        Assert.True(Math.Abs(shuffled.Mean - kid.Mean) < 6 * standardError, $"{shuffled.Mean} vs {kid.Mean}");
    }

    [Fact]
    public void RejectsBadInput()
    {
        Assert.Throws<ArgumentException>(() => KernelInceptionDistance.Compute(new double[6], new double[7], 3));
        Assert.Throws<ArgumentException>(() => KernelInceptionDistance.Compute(new double[3], new double[6], 3));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            KernelInceptionDistance.Compute(new double[6], new double[6], 3, new KernelInceptionDistanceOptions(NumSubsets: 0)));
    }

    private static double Kernel(double[] a, int i, double[] b, int j, int d)
    {
        double dot = 0;
        for (int k = 0; k < d; k++) dot += a[i * d + k] * b[j * d + k];
        return Math.Pow(dot / d + 1, 3);
    }

    private static double DirectMmd2(double[] x, double[] y, int n, int d)
    {
        double xx = 0, yy = 0, xy = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                if (i != j)
                {
                    xx += Kernel(x, i, x, j, d);
                    yy += Kernel(y, i, y, j, d);
                }
                xy += Kernel(x, i, y, j, d);
            }
        return xx / (n * (n - 1)) + yy / (n * (n - 1)) - 2 * xy / (n * n);
    }

    private static double MeanSelfKernel(double[] x, int d)
    {
        int n = x.Length / d;
        double s = 0;
        for (int i = 0; i < n; i++) s += Kernel(x, i, x, i, d);
        return s / n;
    }

    private static double[] ShuffleRows(double[] x, int d, Random rng)
    {
        int n = x.Length / d;
        int[] order = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).ToArray();
        var result = new double[x.Length];
        for (int r = 0; r < n; r++) Array.Copy(x, order[r] * d, result, r * d, d);
        return result;
    }
}
