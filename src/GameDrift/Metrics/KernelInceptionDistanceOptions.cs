namespace GameDrift.Metrics;

/// <summary>Settings of <see cref="KernelInceptionDistance"/>.</summary>
/// <remarks>
/// Defaults are torch-fidelity's and clean-fid's (peers.md §7, §8, §d.4): 100 subsets of 1000,
/// polynomial kernel <c>(x·y/d + 1)^3</c>, subsets drawn by <c>RandomState(2020)</c>.
/// </remarks>
/// <param name="NumSubsets">Number of random subset pairs averaged.</param>
/// <param name="SubsetSize">
/// Samples per subset; capped at the smaller set size, as clean-fid does (torch-fidelity refuses
/// instead). The cap is part of the protocol: report it.
/// </param>
/// <param name="Seed">Seed of the numpy-compatible subset sampler.</param>
/// <param name="Degree">Polynomial kernel degree.</param>
/// <param name="Gamma">Kernel scale; null means 1/d.</param>
/// <param name="Coef0">Kernel offset.</param>
public sealed record KernelInceptionDistanceOptions(
    int NumSubsets = 100,
    int SubsetSize = 1000,
    uint Seed = 2020,
    int Degree = 3,
    double? Gamma = null,
    double Coef0 = 1)
{
    /// <summary>The torch-fidelity / clean-fid defaults.</summary>
    public static KernelInceptionDistanceOptions Default { get; } = new();
}
