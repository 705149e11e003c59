using GameDrift.Metrics.Extractors;
using GameDrift.Torch;

namespace GameDrift.Tests.Metrics;

/// <summary>The fallback classifier is a yardstick: trained with 1 or with 2 threads it must give the same weights and
/// the same reference statistics, bit for bit, or FIDs from different machines are not comparable.</summary>
[Collection(CacheEnvironment.Name)]
public class ClassifierDeterminismTests
{
    private static (string Fingerprint, double[] Mu, double[] Sigma) TrainWith(int threads, string cache)
    {
        var previous = torch.NumThreads;
        torch.NumThreads = threads;
        try
        {
            // Large enough batches and images that libtorch splits its reductions between threads.
            var data = LabelledImages.Create(count: 512, size: 28);
            using var e = ClassifierExtractor.LoadOrTrain("det", data, null, new ClassifierSchedule(Epochs: 1, BatchSize: 128), cacheDirectory: cache);
            var r = ReferenceStatistics.LoadOrCompute(e, e.CacheKey, "det", data, cacheDirectory: cache);
            return (e.Fingerprint, r.Statistics.Mean.ToArray(), r.Statistics.Covariance.ToArray());
        }
        finally { torch.NumThreads = previous; }
    }

    [Fact]
    public void ReferenceStatisticsAreBitIdenticalWithOneAndTwoThreads()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        var one = TrainWith(1, a.Path);
        var two = TrainWith(2, b.Path);
        Assert.Equal(one.Fingerprint, two.Fingerprint);
        Assert.True(one.Mu.SequenceEqual(two.Mu), "feature means differ");
        Assert.True(one.Sigma.SequenceEqual(two.Sigma), "feature covariances differ");
    }
}
