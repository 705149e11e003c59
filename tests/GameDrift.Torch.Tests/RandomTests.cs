using GameDrift.Torch;

namespace GameDrift.Torch.Tests;

public class RandomTests
{
    private static double[] Draw(Generator g) =>
        torch.Randn(new long[] { 5 }, g, ScalarType.Float64).ToArray<double>()
            .Concat(torch.Rand(new long[] { 3 }, g).ToArray<float>().Select(x => (double)x))
            .Concat(torch.RandInt(-5, 5, new long[] { 4 }, g).ToArray<long>().Select(x => (double)x))
            .Concat(torch.RandPerm(6, g).ToArray<long>().Select(x => (double)x))
            .ToArray();

    [Fact]
    public void SeededGeneratorsReproduceEverySampler()
    {
        using var a = new Generator(1234);
        using var b = new Generator(1234);
        using var c = new Generator(1235);
        var da = Draw(a);
        Assert.Equal(da, Draw(b));
        Assert.NotEqual(da, Draw(c));
        Assert.NotEqual(da, Draw(a)); // the stream moves on
        a.ManualSeed(1234);
        Assert.Equal(da, Draw(a));
    }

    [Fact]
    public void SamplersRespectTheirRanges()
    {
        using var g = new Generator(7);
        using var u = torch.Rand(new long[] { 1000 }, g, ScalarType.Float64);
        Assert.All(u.ToArray<double>(), x => Assert.InRange(x, 0, 1 - 1e-12));
        using var n = torch.Randn(new long[] { 20000 }, g, ScalarType.Float64);
        Assert.InRange(n.Mean().ToDouble(), -0.05, 0.05);
        Assert.InRange(n.Std().ToDouble(), 0.95, 1.05);
        using var i = torch.RandInt(3, 6, new long[] { 1000 }, g);
        Assert.Equal(new long[] { 3, 4, 5 }, i.ToArray<long>().Distinct().Order());
        using var p = torch.RandPerm(50, g);
        Assert.Equal(Enumerable.Range(0, 50).Select(x => (long)x), p.ToArray<long>().Order());
        using var prob = torch.Full(new long[] { 4000 }, 0.25, ScalarType.Float64);
        using var bern = torch.Bernoulli(prob, g);
        Assert.InRange(bern.Mean().ToDouble(), 0.2, 0.3);
        using var normal = torch.Empty(new long[] { 5000 }, ScalarType.Float64).Normal_(3, 0.5, g);
        Assert.InRange(normal.Mean().ToDouble(), 2.95, 3.05);
        using var unif = torch.Empty(new long[] { 5000 }).Uniform_(-2, -1, g);
        Assert.All(unif.ToArray<float>(), x => Assert.InRange(x, -2f, -1f));
    }

    [Fact]
    public void GetStateSetStateResumesTheExactStream()
    {
        using var g = new Generator(99);
        Draw(g);
        using var state = g.GetState();
        Assert.Equal(ScalarType.Byte, state.DType);
        var next = Draw(g);
        var after = Draw(g);
        g.SetState(state);
        Assert.Equal(next, Draw(g));
        Assert.Equal(after, Draw(g));
        // Another generator fed the same state continues identically.
        using var h = new Generator(1);
        h.SetState(state);
        Assert.Equal(next, Draw(h));
        // The state survives a save/load round trip (checkpoints).
        var path = Path.GetTempFileName();
        try
        {
            torch.Save(new Dictionary<string, Tensor> { ["rng"] = state }, path);
            var back = torch.Load(path);
            using var k = new Generator(5);
            k.SetState(back["rng"]);
            Assert.Equal(next, Draw(k));
            back["rng"].Dispose();
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void CorruptStateIsRejected()
    {
        using var g = new Generator(1);
        using var bad = torch.Zeros(new long[] { 3 }, ScalarType.Byte);
        Assert.Throws<TorchException>(() => g.SetState(bad));
        Assert.Equal(5, torch.Randn(new long[] { 5 }, g).NumberOfElements);
    }
}

[Collection("Serial")]
public class GlobalRandomTests
{
    [Fact]
    public void ManualSeedMakesTheDefaultGeneratorReproducible()
    {
        torch.ManualSeed(2024);
        var a = torch.Randn(8).ToArray<float>();
        var ai = torch.RandInt(0, 100, new long[] { 5 }).ToArray<long>();
        torch.ManualSeed(2024);
        Assert.Equal(a, torch.Randn(8).ToArray<float>());
        Assert.Equal(ai, torch.RandInt(0, 100, new long[] { 5 }).ToArray<long>());
        torch.ManualSeed(2025);
        Assert.NotEqual(a, torch.Randn(8).ToArray<float>());
    }

    [Fact]
    public void ManualSeedMatchesAFreshGeneratorWithThatSeed()
    {
        // PyTorch seeds the default CPU generator the same way as torch.Generator().manual_seed(s).
        torch.ManualSeed(77);
        var global = torch.Randn(6).ToArray<float>();
        using var g = new Generator(77);
        Assert.Equal(global, torch.Randn(new long[] { 6 }, g).ToArray<float>());
    }
}
