using System.Text.Json;
using GameDrift.Data;

namespace GameDrift.Tests.Data;

public class BatchSamplerTests
{
    [Fact]
    public void SplitMix64_matches_reference_outputs()
    {
        // First outputs of Vigna's splitmix64.c seeded with 1234567.
        var rng = new SplitMix64(1234567);
        Assert.Equal(6457827717110365317UL, rng.NextUInt64());
        Assert.Equal(3203168211198807973UL, rng.NextUInt64());
        Assert.Equal(9817491932198370423UL, rng.NextUInt64());
    }

    [Fact]
    public void NextInt_stays_in_range_and_covers_it()
    {
        var rng = new SplitMix64(7);
        var seen = new bool[7];
        for (int i = 0; i < 1000; i++)
            seen[rng.NextInt(7)] = true;
        Assert.All(seen, Assert.True);
        Assert.Equal(0, rng.NextInt(1));
    }

    [Fact]
    public void Each_epoch_is_a_permutation_without_replacement()
    {
        var sampler = new BatchSampler(datasetSize: 12, batchSize: 4, seed: 1);
        var epochs = new List<int[]>();
        for (int e = 0; e < 3; e++)
        {
            Assert.Equal(e, sampler.Epoch);
            var all = Enumerable.Range(0, 3).SelectMany(_ => sampler.NextBatch()).ToArray();
            Assert.Equal(Enumerable.Range(0, 12), all.Order());
            epochs.Add(all);
        }
        Assert.NotEqual(epochs[0], epochs[1]); // reshuffled each epoch
        Assert.NotEqual(epochs[1], epochs[2]);
    }

    [Fact]
    public void Incomplete_last_batch_is_dropped()
    {
        var sampler = new BatchSampler(10, 3, seed: 5);
        Assert.Equal(3, sampler.BatchesPerEpoch);
        var epoch0 = Enumerable.Range(0, 3).SelectMany(_ => sampler.NextBatch()).ToArray();
        Assert.Equal(9, epoch0.Distinct().Count());
        Assert.Equal((1L, 0), (sampler.Epoch, sampler.Position));
    }

    [Fact]
    public void Same_seed_gives_same_batches_and_different_seed_differs()
    {
        var a = new BatchSampler(100, 10, seed: 42);
        var b = new BatchSampler(100, 10, seed: 42);
        var c = new BatchSampler(100, 10, seed: 43);
        var sa = Enumerable.Range(0, 25).SelectMany(_ => a.NextBatch()).ToArray();
        var sb = Enumerable.Range(0, 25).SelectMany(_ => b.NextBatch()).ToArray();
        var sc = Enumerable.Range(0, 25).SelectMany(_ => c.NextBatch()).ToArray();
        Assert.Equal(sa, sb);
        Assert.NotEqual(sa, sc);
    }

    [Fact]
    public void Permutation_is_pinned_so_algorithm_changes_are_noticed()
    {
        // Saved runs depend on this exact sequence; update only with a deliberate format change.
        // Values from an independent reimplementation of the documented algorithm.
        var p = new int[10];
        BatchSampler.Shuffle(seed: 42, epoch: 0, p);
        Assert.Equal(PinnedEpoch0Seed42, p);
    }

    private static readonly int[] PinnedEpoch0Seed42 = [6, 5, 2, 0, 4, 7, 8, 9, 3, 1];

    [Theory]
    [InlineData(2)]   // mid-epoch
    [InlineData(5)]   // exactly at an epoch boundary
    [InlineData(13)]  // later epoch
    public void Restored_state_continues_identically(int batchesBeforeSave)
    {
        var original = new BatchSampler(23, 4, seed: 2024);
        for (int i = 0; i < batchesBeforeSave; i++)
            original.NextBatch();

        string json = JsonSerializer.Serialize(original.GetState());
        var restored = new BatchSampler(JsonSerializer.Deserialize<BatchSamplerState>(json)!);

        Assert.Equal(original.GetState(), restored.GetState());
        for (int i = 0; i < 12; i++)
            Assert.Equal(original.NextBatch(), restored.NextBatch());
    }

    [Fact]
    public void Invalid_state_is_rejected()
    {
        var state = new BatchSampler(10, 5, 1).GetState() with { Position = 2 };
        Assert.Throws<ArgumentException>(() => new BatchSampler(state));
    }

    [Fact]
    public void Dataset_smaller_than_batch_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new BatchSampler(3, 4, 0));
    }
}
