namespace GameDrift.Data;

/// <summary>
/// Everything a <see cref="BatchSampler"/> needs to continue exactly where it was: the permutation of an
/// epoch is a pure function of (Seed, Epoch), so no permutation is stored. Plain properties, so it
/// serialises with any JSON/YAML serialiser.
/// </summary>
public sealed record BatchSamplerState
{
    /// <summary>Seed given at construction.</summary>
    public ulong Seed { get; init; }
    /// <summary>Number of items sampled from (must match on restore).</summary>
    public int DatasetSize { get; init; }
    /// <summary>Items per batch (must match on restore).</summary>
    public int BatchSize { get; init; }
    /// <summary>Epoch of the next batch, from 0.</summary>
    public long Epoch { get; init; }
    /// <summary>Index within the epoch of the next batch, from 0.</summary>
    public int Position { get; init; }
}
