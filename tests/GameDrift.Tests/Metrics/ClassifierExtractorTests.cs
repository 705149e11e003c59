using GameDrift.Data;
using GameDrift.Metrics;
using GameDrift.Metrics.Extractors;
using GameDrift.Torch;

namespace GameDrift.Tests.Metrics;

[Collection(CacheEnvironment.Name)]
public class ClassifierExtractorTests
{
    /// <summary>The short schedule of this test: one epoch over the first 6000 training images (a tenth of the full
    /// schedule's 2 x 60000); the bar is 80 % on the first 2000 test images, where the full schedule reaches about 90 %
    /// (bench/README.md).</summary>
    private static readonly ClassifierSchedule Short = new(Epochs: 1, TrainSamples: 6000);

    [FactIfDirectoryExists(FashionMnist.DefaultDirectory, "Debian package dataset-fashion-mnist")]
    public void ShortScheduleOnFashionMnistClearsTheBar()
    {
        var train = FashionMnist.Load();
        var test = FashionMnist.Load(train: false);
        using var net = ClassifierTraining.Train(train, Short);
        double accuracy = ClassifierTraining.Accuracy(net, test, 2000);
        Assert.True(accuracy >= 0.80, $"test accuracy {accuracy:P2} after the short schedule is below 80 %");
    }

    [Fact]
    public void TrainsOnceThenLoadsTheCachedWeights()
    {
        using var env = new CacheEnvironment.Scope();
        var data = LabelledImages.Create();
        var schedule = new ClassifierSchedule(Epochs: 12, BatchSize: 8, LearningRate: 1e-2);
        var logs = new List<string>();
        FeatureSet first;
        string cachePath;
        using (var trained = ClassifierExtractor.LoadOrTrain("tiny", data, null, schedule, log: logs.Add))
        {
            Assert.Equal("tiny-classifier", trained.Name);
            Assert.Equal(2, trained.ClassCount);
            Assert.Equal(ClassifierNet.DefaultFeatureDimension, trained.FeatureDimension);
            Assert.Equal(1.0, trained.Accuracy); // two linearly separable classes
            cachePath = trained.CachePath!;
            Assert.StartsWith(Path.Combine(env.Directory.Path, "classifiers", "tiny-"), cachePath);
            Assert.True(File.Exists(cachePath));
            Assert.True(File.Exists(Path.ChangeExtension(cachePath, ".json")));
            first = FeatureExtraction.Run(trained, data);
        }
        Assert.Contains(logs, l => l.StartsWith("training"));
        logs.Clear();
        using var loaded = ClassifierExtractor.LoadOrTrain("tiny", data, null, schedule, log: logs.Add);
        Assert.Contains(logs, l => l.StartsWith("loaded"));
        Assert.Equal(cachePath, loaded.CachePath);
        Assert.Equal(1.0, loaded.Accuracy);
        var again = FeatureExtraction.Run(loaded, data);
        Assert.Equal(first.Features, again.Features);
        Assert.Equal(first.Probabilities, again.Probabilities);
        // The softmax rows sum to one and the classifier is right on its own classes.
        for (int i = 0; i < data.Count; i++)
        {
            var row = again.Probabilities!.AsSpan(i * 2, 2);
            Assert.Equal(1.0, row[0] + row[1], 5);
            Assert.Equal(data.GetLabel(i), row[1] > row[0] ? 1 : 0);
        }
    }

    [Fact]
    public void ThreeChannelImagesTakeTheSamePath()
    {
        // The CIFAR-10 shape (3 x 32 x 32) on synthetic data: real CIFAR-10 is not available on this machine.
        using var env = new CacheEnvironment.Scope();
        var data = LabelledImages.Create(count: 16, channels: 3, size: 32);
        using var e = ClassifierExtractor.LoadOrTrain("rgb", data, null, new ClassifierSchedule(Epochs: 10, BatchSize: 8, LearningRate: 1e-2));
        Assert.Equal(1.0, e.Accuracy);
        var set = FeatureExtraction.Run(e, data);
        Assert.Equal(16 * ClassifierNet.DefaultFeatureDimension, set.RequireFeatures().Length);
    }

    [Fact]
    public void ADifferentScheduleOrDataSetGetsItsOwnCacheEntry()
    {
        using var env = new CacheEnvironment.Scope();
        var quick = new ClassifierSchedule(Epochs: 1, BatchSize: 8);
        using var a = ClassifierExtractor.LoadOrTrain("tiny", LabelledImages.Create(), null, quick);
        using var b = ClassifierExtractor.LoadOrTrain("tiny", LabelledImages.Create(count: 34), null, quick);
        using var c = ClassifierExtractor.LoadOrTrain("tiny", LabelledImages.Create(), null, quick with { Epochs = 2 });
        Assert.Equal(3, new[] { a.CachePath, b.CachePath, c.CachePath }.Distinct().Count());
    }

    [Fact]
    public void ImagesOfTheWrongShapeOrUnlabelledDataAreNamed()
    {
        using var env = new CacheEnvironment.Scope();
        using var e = ClassifierExtractor.LoadOrTrain("tiny", LabelledImages.Create(), null, new ClassifierSchedule(Epochs: 1, BatchSize: 8));
        using var scope = torch.NewDisposeScope();
        var wrong = Assert.Throws<ArgumentException>(() => e.Forward(torch.Zeros(2, 3, 8, 8), true, true));
        Assert.Contains("1 x 8 x 8", wrong.Message);
        var unlabelled = new ImageDataset(new byte[4 * 64], new int[4], 1, 8, 8);
        var single = Assert.Throws<ArgumentException>(() => ClassifierExtractor.LoadOrTrain("blank", unlabelled, null));
        Assert.Contains("at least 2 classes", single.Message);
    }

    [Fact]
    public void ReferenceStatisticsAreTheFeatureMomentsAndAreCachedAsNpz()
    {
        using var env = new CacheEnvironment.Scope();
        var data = LabelledImages.Create();
        using var e = ClassifierExtractor.LoadOrTrain("tiny", data, null, new ClassifierSchedule(Epochs: 2, BatchSize: 8));
        var computed = ReferenceStatistics.LoadOrCompute(e, e.CacheKey, "tiny", data);
        Assert.NotNull(computed.Path);
        Assert.StartsWith(Path.Combine(env.Directory.Path, "stats"), computed.Path);
        var direct = FeatureStatistics.FromFeatures(FeatureExtraction.Run(e, data, probabilities: false).RequireFeatures(), e.FeatureDimension);
        Assert.Equal(direct.Mean, computed.Statistics.Mean);
        Assert.Equal(direct.Covariance, computed.Statistics.Covariance);
        Assert.Equal(data.Count * e.FeatureDimension, computed.KidFeatures.Length);
        // The file is clean-fid's format, and the second call reads it instead of recomputing.
        var file = Npz.ReadStatistics(computed.Path!);
        Assert.Equal(direct.Mean, file.Mean);
        var loaded = ReferenceStatistics.LoadOrCompute(e, e.CacheKey, "tiny", data);
        Assert.Equal(computed.Statistics.Covariance, loaded.Statistics.Covariance);
        Assert.Equal(computed.KidFeatures, loaded.KidFeatures);
        // Real data scored against its own reference: FID ~0; IS of two balanced classes is at most 2.
        var real = FeatureExtraction.Run(e, data);
        var values = ImageMetrics.Compute(["fid", "kid", "is"], e.Name, real, loaded);
        Assert.True(Math.Abs(values["fid_tiny-classifier"]) < 1e-6, $"FID of the reference set against itself: {values["fid_tiny-classifier"]}");
        Assert.True(double.IsFinite(values["kid_tiny-classifier"]));
        Assert.InRange(values["is_tiny-classifier"], 1.0, 2.0);
    }
}
