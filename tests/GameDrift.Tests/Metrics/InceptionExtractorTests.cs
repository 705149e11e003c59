using GameDrift.Metrics;
using GameDrift.Metrics.Extractors;
using GameDrift.Torch;

namespace GameDrift.Tests.Metrics;

/// <summary>The Inception extractor's code path on tiny_inception.pt, a small TorchScript network with the real file's
/// interface, against what PyTorch computed for the same images (make_inception_fixture.py).</summary>
[Collection(CacheEnvironment.Name)]
public class InceptionExtractorTests
{
    private static readonly string FixturePath = Fixtures.PathOf("tiny_inception.pt");

    private static IReadOnlyDictionary<string, NpyArray> Expected() => Npz.Read(Fixtures.PathOf("tiny_inception_expected.npz"));

    [Theory]
    [InlineData("gray")]
    [InlineData("rgb")]
    public void FeaturesAndProbabilitiesMatchPyTorch(string images)
    {
        var expected = Expected();
        var input = expected[images];
        using var extractor = InceptionExtractor.Load(FixturePath);
        Assert.Equal(16, extractor.FeatureDimension);
        Assert.Equal(12, extractor.ClassCount);
        Assert.Equal("inception", extractor.Name);
        var shape = expected[images + "_shape"].Data.Select(s => (long)s).ToArray();
        var pixels = input.Data.Select(v => (float)v).ToArray();
        // Batches of two exercise the batching (5 and 3 images leave a partial last batch).
        var set = FeatureExtraction.Run(extractor, (int)shape[0], (start, n) =>
        {
            var per = (int)(shape[1] * shape[2] * shape[3]);
            return torch.Tensor(new ReadOnlySpan<float>(pixels, start * per, n * per), [n, shape[1], shape[2], shape[3]]);
        }, batchSize: 2);
        AssertClose(expected[images + "_features"].Data, set.RequireFeatures());
        AssertClose(expected[images + "_probs"].Data, set.RequireProbabilities());
    }

    [Fact]
    public void TheScriptsDefaultArgumentsGiveProbabilitiesWithTheOutputBias()
    {
        var expected = Expected();
        var rgb = expected["rgb"];
        using var scope = torch.NewDisposeScope();
        using var module = torch.jit.Load(FixturePath);
        var shape = expected["rgb_shape"].Data.Select(s => (long)s).ToArray();
        var x = InceptionExtractor.Preprocess(torch.Tensor(rgb.Data.Select(v => (float)v).ToArray(), shape), Device.CPU);
        var withBias = module.Forward(x)[0].ToArray<float>();
        AssertClose(expected["rgb_probs_bias"].Data, withBias);
        // ... and differ from the unbiased ones the extractor uses, so the keyword really reached the script.
        Assert.True(expected["rgb_probs"].Data.Zip(withBias).Max(p => Math.Abs(p.First - p.Second)) > 1e-3);
    }

    [Fact]
    public void PreprocessingQuantisesLikeStyleGan()
    {
        using var scope = torch.NewDisposeScope();
        // x·127.5 + 128 truncated: −1 → 0 (0.5), 1 → 255 (255.5 clamped), 0 → 128, ±0.9999 and out-of-range values clamp.
        float[] x = [-1f, 1f, 0f, -0.5f, 0.5f, -2f, 3f, 0.00390625f];
        var t = torch.Tensor(x, [1, 1, 2, 4]);
        var y = InceptionExtractor.Preprocess(t, Device.CPU);
        Assert.Equal(new long[] { 1, 3, 2, 4 }, y.Shape);
        var v = y.ToArray<float>();
        float[] expected = x.Select(a => (float)Math.Floor(Math.Clamp(a * 127.5 + 128, 0, 255))).ToArray();
        for (int c = 0; c < 3; c++) Assert.Equal(expected, v.Skip(c * 8).Take(8).ToArray());
        Assert.Throws<ArgumentException>(() => InceptionExtractor.Preprocess(torch.Zeros(1, 2, 4, 4), Device.CPU));
    }

    [Fact]
    public void AMissingFileNamesItAndEveryPlaceSearched()
    {
        using var env = new CacheEnvironment.Scope();
        var defaultPath = Path.Combine(env.Directory.Path, InceptionLocator.FileName);
        Assert.Equal(defaultPath, InceptionLocator.DefaultPath);

        var none = Assert.Throws<FileNotFoundException>(() => InceptionExtractor.Load());
        Assert.Contains(InceptionLocator.FileName, none.Message);
        Assert.Contains("--inception", none.Message);
        Assert.Contains(InceptionLocator.EnvironmentVariable, none.Message);
        Assert.Contains(defaultPath, none.Message);
        Assert.Contains(InceptionLocator.DownloadUrl, none.Message);

        var explicitPath = env.Directory.Combine("nowhere", "inception.pt");
        var given = Assert.Throws<FileNotFoundException>(() => InceptionLocator.Resolve(explicitPath));
        Assert.Contains(explicitPath, given.Message);
        Assert.Contains(InceptionLocator.FileName, given.Message);

        var envPath = env.Directory.Combine("also-missing.pt");
        Environment.SetEnvironmentVariable(InceptionLocator.EnvironmentVariable, envPath);
        var fromEnv = Assert.Throws<FileNotFoundException>(() => InceptionLocator.Resolve());
        Assert.Contains(envPath, fromEnv.Message);
        Assert.Contains(InceptionLocator.EnvironmentVariable, fromEnv.Message);
    }

    [Fact]
    public void TheFileIsFoundInOrderExplicitThenEnvironmentThenDefault()
    {
        using var env = new CacheEnvironment.Scope();
        File.Copy(FixturePath, InceptionLocator.DefaultPath);
        Assert.Equal(InceptionLocator.DefaultPath, InceptionLocator.Resolve());
        var other = env.Directory.Combine("other.pt");
        File.Copy(FixturePath, other);
        Environment.SetEnvironmentVariable(InceptionLocator.EnvironmentVariable, other);
        Assert.Equal(other, InceptionLocator.Resolve());
        var third = env.Directory.Combine("third.pt");
        File.Copy(FixturePath, third);
        Assert.Equal(third, InceptionLocator.Resolve(third));
        using var e = InceptionExtractor.Load(third);
        Assert.Equal(third, e.Path);
    }

    [Fact]
    public void AFileWithAnotherInterfaceIsAClearError()
    {
        using var tmp = new TempDirectory();
        var path = tmp.Combine("not-inception.pt");
        File.WriteAllText(path, "not a zip");
        var bad = Assert.Throws<InvalidDataException>(() => InceptionExtractor.Load(path));
        Assert.Contains(path, bad.Message);
    }

    private static void AssertClose(double[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-5 + 1e-4 * Math.Abs(expected[i]), $"[{i}] expected {expected[i]}, got {actual[i]}");
    }
}
