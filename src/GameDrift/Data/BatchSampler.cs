namespace GameDrift.Data;

/// <summary>
/// Seeded mini-batches drawn without replacement: each epoch is a fresh permutation of 0..N-1 cut into
/// N / batchSize batches; the incomplete tail is dropped. Deterministic given the seed, and resumable
/// bit for bit from <see cref="GetState"/>.
/// </summary>
/// <remarks>
/// Epoch e's permutation: a Fisher–Yates shuffle (i from N-1 down to 1, swap i with
/// <see cref="SplitMix64.NextInt"/>(i+1)) of the identity, driven by
/// <c>SplitMix64(Mix(seed ^ Mix(e + 1)))</c>.
/// </remarks>
public sealed class BatchSampler
{
    private readonly int[] _permutation;
    private long _permutationEpoch = -1;

    /// <summary>Creates a sampler over <paramref name="datasetSize"/> items starting at epoch 0.</summary>
    public BatchSampler(int datasetSize, int batchSize, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (datasetSize < batchSize)
            throw new ArgumentException(
                $"Dataset of {datasetSize} items cannot fill one batch of {batchSize} (incomplete batches are dropped).");
        DatasetSize = datasetSize;
        BatchSize = batchSize;
        Seed = seed;
        _permutation = new int[datasetSize];
    }

    /// <summary>Recreates a sampler from a saved state; it continues exactly where the saved one was.</summary>
    public BatchSampler(BatchSamplerState state) : this(state.DatasetSize, state.BatchSize, state.Seed)
    {
        if (state.Epoch < 0 || state.Position < 0 || state.Position >= BatchesPerEpoch)
            throw new ArgumentException(
                $"Sampler state has epoch {state.Epoch}, position {state.Position}; position must be in [0, {BatchesPerEpoch}).");
        Epoch = state.Epoch;
        Position = state.Position;
    }

    public int DatasetSize { get; }
    public int BatchSize { get; }
    public ulong Seed { get; }
    /// <summary>Full batches per epoch: DatasetSize / BatchSize.</summary>
    public int BatchesPerEpoch => DatasetSize / BatchSize;
    /// <summary>Epoch of the next batch.</summary>
    public long Epoch { get; private set; }
    /// <summary>Index within its epoch of the next batch.</summary>
    public int Position { get; private set; }

    /// <summary>Writes the next batch of indices into <paramref name="indices"/> (length BatchSize) and advances.</summary>
    public void NextBatch(Span<int> indices)
    {
        if (indices.Length != BatchSize)
            throw new ArgumentException($"Expected a span of {BatchSize} indices, got {indices.Length}.", nameof(indices));
        if (_permutationEpoch != Epoch)
        {
            Shuffle(Seed, Epoch, _permutation);
            _permutationEpoch = Epoch;
        }
        _permutation.AsSpan(Position * BatchSize, BatchSize).CopyTo(indices);
        if (++Position == BatchesPerEpoch)
        {
            Position = 0;
            Epoch++;
        }
    }

    /// <summary>Returns the next batch of indices as a new array and advances.</summary>
    public int[] NextBatch()
    {
        var indices = new int[BatchSize];
        NextBatch(indices);
        return indices;
    }

    /// <summary>A snapshot from which <see cref="BatchSampler(BatchSamplerState)"/> continues identically.</summary>
    public BatchSamplerState GetState() => new()
    {
        Seed = Seed, DatasetSize = DatasetSize, BatchSize = BatchSize, Epoch = Epoch, Position = Position,
    };

    /// <summary>Fills <paramref name="permutation"/> with epoch <paramref name="epoch"/>'s permutation of 0..N-1.</summary>
    public static void Shuffle(ulong seed, long epoch, Span<int> permutation)
    {
        // Mixing the epoch before combining gives each epoch an unrelated stream; seed + epoch*gamma
        // would make consecutive epochs' streams overlap shifted by one.
        var rng = new SplitMix64(SplitMix64.Mix(seed ^ SplitMix64.Mix((ulong)epoch + 1)));
        for (int i = 0; i < permutation.Length; i++)
            permutation[i] = i;
        for (int i = permutation.Length - 1; i > 0; i--)
        {
            int j = rng.NextInt(i + 1);
            (permutation[i], permutation[j]) = (permutation[j], permutation[i]);
        }
    }
}
