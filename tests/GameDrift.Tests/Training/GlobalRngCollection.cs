namespace GameDrift.Tests.Training;

/// <summary>Tests that train through the <see cref="GameDrift.Training.Trainer"/>: it reseeds libtorch's global generator
/// every step (dropout draws from it), so a run beside another one is not reproducible. They run alone, one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalRngCollection
{
    public const string Name = "GlobalTorchRng";
}
