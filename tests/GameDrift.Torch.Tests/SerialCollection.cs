namespace GameDrift.Torch.Tests;

/// <summary>Tests that read or change process-wide state (Tensor.LiveCount, the global seed, thread count,
/// default dtype) run in this collection, which xunit runs alone.</summary>
[CollectionDefinition("Serial", DisableParallelization = true)]
public class SerialCollection { }
