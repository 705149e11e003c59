using GameDrift.Torch.nn;
using GameDrift.Training;
using GameDrift.Training.Networks;

namespace GameDrift.Tests.Training.Networks;

/// <summary>Makes the test assembly itself a "built assembly" a config's <c>networks:</c> can name.</summary>
public sealed class NetworksTestRegistration : IGameRegistration
{
    public const string Name = "test-networks-gan", WrongShape = "test-networks-wrong-shape";

    public void Register()
    {
        GameFactory.Register(Name, new GameDefinition(
            (c, rng) => new Sequential(new Linear(c.LatentDim, 64, generator: rng), new Tanh(), new Unflatten(1, 1, 8, 8)),
            (c, rng) => new Sequential(new Flatten(), new Linear(64, 1, generator: rng)),
            _ => TinyGan.Data()));
        GameFactory.Register(WrongShape, new GameDefinition(
            (c, rng) => new Sequential(new Linear(c.LatentDim, 16, generator: rng), new Tanh(), new Unflatten(1, 1, 4, 4)),
            (c, rng) => new Sequential(new Flatten(), new Linear(16, 1, generator: rng)),
            _ => TinyGan.Data()));
    }
}
