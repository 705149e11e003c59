namespace GameDrift.Torch.Tests;

/// <summary>Tests that read process-wide quantities (Tensor.LiveCount, the process's memory) join this
/// collection, which runs alone, after the parallel ones.</summary>
[CollectionDefinition("Serial", DisableParallelization = true)]
public sealed class SerialCollection { }
