namespace GameDrift.Tests.Sweeps;

/// <summary>Tests that start worker processes run alone: on a small machine, other tests running beside them
/// would only slow both down.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SweepWorkersCollection
{
    public const string Name = "sweep workers";
}
