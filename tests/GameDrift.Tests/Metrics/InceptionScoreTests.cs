using GameDrift.Metrics;

namespace GameDrift.Tests.Metrics;

public class InceptionScoreTests
{
    private static readonly InceptionScoreOptions Unshuffled = new(ShuffleSeed: null);

    [Fact]
    public void ConfidentBalancedClassifierScoresTheNumberOfClasses()
    {
        int classes = 5, n = 50; // each of the 10 consecutive splits holds every class once
        double[] p = OneHot(n, classes, r => r % classes);
        MetricEstimate score = InceptionScore.Compute(p, classes, Unshuffled);
        Assert.Equal(10, score.Values.Count);
        Assert.All(score.Values, v => Assert.Equal(classes, v, 1e-12));
        Assert.Equal(classes, score.Mean, 1e-12);
        Assert.Equal(0, score.Std, 1e-12);
    }

    [Fact]
    public void ConfidentLogitsScoreTheNumberOfClasses()
    {
        int classes = 4, n = 40;
        double[] logits = OneHot(n, classes, r => r % classes).Select(v => 60 * v).ToArray();
        MetricEstimate score = InceptionScore.Compute(logits, classes, Unshuffled with { InputsAreLogits = true });
        Assert.Equal(classes, score.Mean, 1e-9);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ConstantClassifierScoresOne(bool shuffled)
    {
        float[] row = [0.2f, 0.5f, 0.3f];
        float[] p = Enumerable.Repeat(row, 37).SelectMany(r => r).ToArray();
        var options = shuffled ? InceptionScoreOptions.Default : Unshuffled;
        MetricEstimate score = InceptionScore.Compute(p, 3, options);
        Assert.Equal(1, score.Mean, 1e-12);
        Assert.Equal(0, score.Std, 1e-12);
    }

    [Fact]
    public void SplitsAreConsecutiveIntegerDivisionRanges()
    {
        // N = 23, 4 splits: boundaries 0, 5, 11, 17, 23. Only split 1 ([5, 11)) is confident and
        // balanced over 3 classes (6 rows); the others predict a constant distribution.
        int classes = 3, n = 23;
        var p = new double[n * classes];
        for (int r = 0; r < n; r++)
        {
            if (r is >= 5 and < 11) p[r * classes + (r % classes)] = 1;
            else { p[r * classes] = 0.5; p[r * classes + 1] = 0.25; p[r * classes + 2] = 0.25; }
        }
        MetricEstimate score = InceptionScore.Compute(p, classes, Unshuffled with { Splits = 4 });
        double[] expected = [1, 3, 1, 1];
        FeatureStatisticsTests.AssertClose(expected, score.Values, 1e-12);
        Assert.Equal(1.5, score.Mean, 1e-12);
        Assert.Equal(Math.Sqrt(0.75), score.Std, 1e-12); // population std, like np.std
    }

    [Fact]
    public void MatchesNumpyReferenceWithTorchFidelityShuffle()
    {
        NpyArray logits = Fixtures.Golden("isc_logits");
        double[] expected = Fixtures.Golden("isc_expected_splits10_seed2020").Data;
        float[] f = logits.Data.Select(v => (float)v).ToArray();
        MetricEstimate score = InceptionScore.Compute(f, logits.Shape[1], new InceptionScoreOptions(InputsAreLogits: true));
        Assert.Equal(expected[0], score.Mean, 1e-12);
        Assert.Equal(expected[1], score.Std, 1e-12);

        // Shuffling changes the split membership, hence the value: the seed is part of the protocol.
        MetricEstimate unshuffled = InceptionScore.Compute(f, logits.Shape[1], new InceptionScoreOptions(InputsAreLogits: true, ShuffleSeed: null));
        Assert.NotEqual(score.Mean, unshuffled.Mean, 6);
    }

    [Fact]
    public void RejectsBadInput()
    {
        Assert.Throws<ArgumentException>(() => InceptionScore.Compute(OneHot(5, 2, r => 0), 2)); // 5 rows, 10 splits
        Assert.Throws<ArgumentException>(() => InceptionScore.Compute(new double[] { 2, -1 }, 2, Unshuffled with { Splits = 1 }));
        Assert.Throws<ArgumentException>(() => InceptionScore.Compute(new double[] { 0.7, 0.7 }, 2, Unshuffled with { Splits = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => InceptionScore.Compute(OneHot(5, 2, r => 0), 2, Unshuffled with { Splits = 0 }));
    }

    private static double[] OneHot(int n, int classes, Func<int, int> label)
    {
        var p = new double[n * classes];
        for (int r = 0; r < n; r++) p[r * classes + label(r)] = 1;
        return p;
    }
}
