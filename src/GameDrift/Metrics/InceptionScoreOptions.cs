namespace GameDrift.Metrics;

/// <summary>Settings of <see cref="InceptionScore"/>.</summary>
/// <param name="Splits">
/// Number of consecutive splits; the score is averaged over them. 10 is the standard
/// (Salimans et al.; torch-fidelity <c>isc_splits</c>; peers.md §d.4). Report it with the score.
/// </param>
/// <param name="InputsAreLogits">
/// True when rows are raw logits (torch-fidelity feeds the 1008-way <c>logits_unbiased</c>);
/// they are turned into probabilities with a float64 log-softmax. False when rows are already
/// class probabilities (the original TF code feeds softmax outputs).
/// </param>
/// <param name="ShuffleSeed">
/// When set, rows are reordered by <c>numpy.random.RandomState(seed).permutation(N)</c> before
/// splitting, as torch-fidelity does with <c>rng_seed=2020</c> (its default, and ours); null keeps
/// the input order, like the original code and pytorch-gan-metrics.
/// </param>
public sealed record InceptionScoreOptions(int Splits = 10, bool InputsAreLogits = false, uint? ShuffleSeed = 2020)
{
    /// <summary>torch-fidelity's convention: 10 splits, shuffled with seed 2020.</summary>
    public static InceptionScoreOptions Default { get; } = new();
}
