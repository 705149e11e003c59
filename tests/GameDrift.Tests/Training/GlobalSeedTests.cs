using GameDrift.Torch;
using GameDrift.Torch.nn;
using GameDrift.Training;

namespace GameDrift.Tests.Training;

/// <summary>A user's layers built without an explicit generator draw from the global one, which the run's seed seeds
/// before any network is built (as torch.manual_seed does in a PyTorch script).</summary>
[Collection(GlobalRngCollection.Name)]
public class GlobalSeedTests
{
    private const string Name = "test-global-seed-gan";

    static GlobalSeedTests() => GameFactory.Register(Name, new GameDefinition(
        (c, _) => new Sequential(new Linear(c.LatentDim, 64), new Tanh(), new Unflatten(1, 1, 8, 8)),
        (c, _) => new Sequential(new Flatten(), new Linear(64, 1)),
        _ => TinyGan.Data()));

    private static double[] InitialWeights(long seed)
    {
        var config = TinyGan.Config($"seed={seed}");
        config.Game = Name;
        // Whatever drew from the global generator before must not matter.
        using (torch.Randn(new long[] { 100 })) { }
        using var session = new TrainingSession(config);
        return session.Generator.Parameters().Concat(session.Discriminator.Parameters())
            .SelectMany(p => p.To(ScalarType.Float64).ToArray<double>()).ToArray();
    }

    [Fact]
    public void SameSeedSameInitialWeightsWithoutAnExplicitGenerator()
    {
        var a = InitialWeights(0);
        torch.ManualSeed(12345);
        var b = InitialWeights(0);
        Assert.Equal(a, b);
        Assert.NotEqual(a, InitialWeights(1));
    }
}
