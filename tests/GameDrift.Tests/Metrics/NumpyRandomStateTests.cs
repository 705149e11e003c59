using GameDrift.Metrics;

namespace GameDrift.Tests.Metrics;

public class NumpyRandomStateTests
{
    [Fact]
    public void FirstOutputMatchesMt19937ReferenceForDefaultSeed()
    {
        // Matsumoto & Nishimura's reference: genrand_int32 after init_genrand(5489) gives 3499211612.
        Assert.Equal(3499211612u, new NumpyRandomState(5489).NextUInt32());
    }

    [Fact]
    public void PermutationMatchesNumpyForSeed2020()
    {
        int[] expected = Fixtures.Golden("perm_seed2020_n10").Data.Select(v => (int)v).ToArray();
        Assert.Equal(expected, new NumpyRandomState(2020).Permutation(10));
        Assert.Equal([2, 4, 9, 1, 5, 7, 6, 3, 8, 0], expected);
    }

    [Fact]
    public void LongPermutationMatchesNumpy()
    {
        int[] expected = Fixtures.Golden("perm_seed0_n1000").Data.Select(v => (int)v).ToArray();
        Assert.Equal(expected, new NumpyRandomState(0).Permutation(1000));
    }

    [Fact]
    public void SuccessiveChoicesMatchNumpy()
    {
        int[] expected = Fixtures.Golden("choice_seed7").Data.Select(v => (int)v).ToArray();
        var rng = new NumpyRandomState(7);
        int[] actual = [.. rng.ChooseWithoutReplacement(50, 5), .. rng.ChooseWithoutReplacement(30, 7), .. rng.ChooseWithoutReplacement(3, 3)];
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ChoiceRejectsTooLargeSample()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new NumpyRandomState(1).ChooseWithoutReplacement(3, 4));
    }
}
