namespace GameDrift.Torch.nn;

/// <summary>Computes the weight a <see cref="WeightedModule"/>'s forward uses from the module's stored
/// parameters and buffers, e.g. <see cref="SpectralNorm"/>'s W / sigma(W).</summary>
public interface IWeightReparametrization
{
    /// <summary>A new tensor, differentiable with respect to <see cref="WeightedModule.Weight"/>; the caller owns it.</summary>
    Tensor Compute(WeightedModule module);
}
